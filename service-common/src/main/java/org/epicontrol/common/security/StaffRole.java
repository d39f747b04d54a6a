package org.epicontrol.common.security;

import java.util.Optional;

/** The realm roles of the Keycloak realm (k8s/keycloak/realm-epidemic.json); the only place their names are spelled. */
public enum StaffRole {
    NOTICE_EDITOR("notice-editor"),
    NOTICE_PUBLISHER("notice-publisher"),
    DISTRICT_OFFICER("district-officer"),
    COMMUNITY_ADMIN("community-admin"),
    GRID_WORKER("grid-worker"),
    VOLUNTEER("volunteer"),
    SYSTEM_ADMIN("system-admin");

    private final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<StaffRole> byRoleName(String name) {
        for (StaffRole role : values()) {
            if (role.roleName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
