package org.epicontrol.roster.response;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** Where a response stands, in this order of precedence. */
@Enum("ResponseState")
@Description("LIFTED: closed (area lowered or lifted); TESTING: a testing round is due (today or overdue); STAFFED: "
        + "every place of its posts' shifts in the next 24 h is filled; OPENED: otherwise")
public enum ResponseState {
    OPENED, STAFFED, TESTING, LIFTED
}
