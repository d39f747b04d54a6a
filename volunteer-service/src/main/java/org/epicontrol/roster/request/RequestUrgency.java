package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RequestUrgency")
@Description("How soon a request must be answered (requests.respond-within.*: EMERGENCY 15 min, URGENT 2 h, ROUTINE"
        + " 24 h by default)")
public enum RequestUrgency {
    ROUTINE, URGENT, EMERGENCY
}
