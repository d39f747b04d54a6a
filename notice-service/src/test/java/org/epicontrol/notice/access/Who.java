package org.epicontrol.notice.access;

import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;

/** The callers of the role × operation matrix: one user per role, and nobody. */
enum Who {
    ANONYMOUS(null, null),
    EDITOR(Staff.EDITOR, StaffRole.NOTICE_EDITOR),
    PUBLISHER(Staff.PUBLISHER, StaffRole.NOTICE_PUBLISHER),
    DISTRICT_OFFICER("dora-district", StaffRole.DISTRICT_OFFICER),
    COMMUNITY_ADMIN("carl-community", StaffRole.COMMUNITY_ADMIN),
    GRID_WORKER("greta-grid", StaffRole.GRID_WORKER),
    VOLUNTEER("val-volunteer", StaffRole.VOLUNTEER),
    SYSTEM_ADMIN(Staff.ADMIN, StaffRole.SYSTEM_ADMIN);

    private final String username;
    private final StaffRole role;

    Who(String username, StaffRole role) {
        this.username = username;
        this.role = role;
    }

    GraphQLClient client() {
        return role == null ? Notices.GRAPHQL : Staff.as(username, role);
    }

    /** The error code a refusal carries: no token is UNAUTHENTICATED, a token without the role FORBIDDEN. */
    String refusal() {
        return role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
    }
}
