package org.epicontrol.roster.alert;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AlertKind")
@Description("Why an alert was raised: a response opened or closed, or an alert nobody acknowledged in time")
public enum AlertKind {
    RESPONSE_OPENED, RESPONSE_CLOSED, ESCALATION
}
