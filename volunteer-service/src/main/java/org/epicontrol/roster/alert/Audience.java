package org.epicontrol.roster.alert;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.epicontrol.common.security.StaffRole;

/** Whom an alert is for: the holders of a role over one org unit (the people themselves are in Keycloak). */
@Enum("AlertAudience")
@Description("Whom an alert is for: the community's administrators, the grid workers of a grid (or of every grid of"
        + " a community), the district's officers")
public enum Audience {
    COMMUNITY_ADMINS(StaffRole.COMMUNITY_ADMIN),
    GRID_WORKERS(StaffRole.GRID_WORKER),
    DISTRICT_OFFICERS(StaffRole.DISTRICT_OFFICER);

    private final StaffRole role;

    Audience(StaffRole role) {
        this.role = role;
    }

    /** The realm role its members hold over the alert's unit. */
    public StaffRole role() {
        return role;
    }
}
