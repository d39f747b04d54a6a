package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("RequestStatus")
@Description("OPEN (taken, nobody has it) → ASSIGNED (a volunteer or team has it) → DONE (with an outcome), or"
        + " CANCELLED (with a reason) from OPEN or ASSIGNED")
public enum RequestStatus {
    OPEN, ASSIGNED, DONE, CANCELLED;

    /** Still to be answered: it may be assigned, closed, cancelled, and it escalates. */
    public boolean open() {
        return this == OPEN || this == ASSIGNED;
    }
}
