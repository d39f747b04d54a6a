package org.epicontrol.roster.alert;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AlertKind")
@Description("Why an alert was raised: a response opened or closed, an alert nobody acknowledged in time, or a"
        + " resident's request overdue or urgent and unassigned (REQUEST_ESCALATED)")
public enum AlertKind {
    RESPONSE_OPENED, RESPONSE_CLOSED, ESCALATION, REQUEST_ESCALATED
}
