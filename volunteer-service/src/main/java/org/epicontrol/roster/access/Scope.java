package org.epicontrol.roster.access;

import org.epicontrol.common.security.Caller;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.roster.org.OrgKind;

import java.util.List;

/**
 * The caller with the organisation units their groups name, resolved to rows, and their own volunteer row if their
 * account is linked to one. A role applies at the level of its unit: district-officer to DISTRICT groups,
 * community-admin to COMMUNITY groups, grid-worker to GRID groups; a group of another level grants that role nothing.
 */
public record Scope(Caller caller, List<Unit> units, Long volunteerId, Long volunteerCommunityId, List<Duty> duties) {

    /** One org_unit a group path named. */
    public record Unit(long id, OrgKind kind, List<Long> pathIds) {
    }

    /**
     * A responsibility of the caller's own (active, linked) volunteer row: {@code role} (GRID_WORKER,
     * BUILDING_CAPTAIN, …) for the unit whose path is {@code pathIds}. The organisation's own word on who looks after
     * a grid or a building, whatever the caller's Keycloak groups say.
     */
    public record Duty(String role, long unitId, List<Long> pathIds) {
    }

    /** Without responsibilities (callers built by hand: the system, tests). */
    public Scope(Caller caller, List<Unit> units, Long volunteerId, Long volunteerCommunityId) {
        this(caller, units, volunteerId, volunteerCommunityId, List.of());
    }

    public static Scope anonymous() {
        return new Scope(Caller.ANONYMOUS, List.of(), null, null, List.of());
    }

    /** Signed in (a token), whatever roles it carries: a self-registered account has none yet. */
    public boolean authenticated() {
        return !caller.anonymous();
    }

    /**
     * The caller's volunteer holds responsibility {@code role} for a unit on {@code path} (the path of the thing
     * concerned, root first): e.g. the building captain of the building a household lives in.
     */
    public boolean dutyOn(String role, List<Long> path) {
        return volunteerId != null && duties.stream().anyMatch(d -> d.role().equals(role) && path.contains(d.unitId()));
    }

    public boolean systemAdmin() {
        return caller.has(StaffRole.SYSTEM_ADMIN);
    }

    /** Holds the role for a unit on {@code path} (the path of the thing concerned, root first). */
    public boolean holds(StaffRole role, List<Long> path) {
        OrgKind level = levelOf(role);
        return level != null && caller.has(role)
                && units.stream().anyMatch(u -> u.kind() == level && path.contains(u.id()));
    }

    /** Units (ids) where the role applies: the scope of a community-admin, district-officer or grid-worker. */
    public List<Long> unitsOf(StaffRole role) {
        OrgKind level = levelOf(role);
        if (level == null || !caller.has(role)) {
            return List.of();
        }
        return units.stream().filter(u -> u.kind() == level).map(Unit::id).toList();
    }

    /** A volunteer (role) whose own volunteer row belongs to a community on the path. */
    public boolean memberOf(List<Long> path) {
        return caller.has(StaffRole.VOLUNTEER) && volunteerCommunityId != null && path.contains(volunteerCommunityId);
    }

    /** A grid worker of a grid inside the unit at the end of {@code path} (e.g. of the community a volunteer is in). */
    public boolean worksIn(List<Long> path) {
        if (path.isEmpty() || !caller.has(StaffRole.GRID_WORKER)) {
            return false;
        }
        long unit = path.get(path.size() - 1);
        return units.stream().anyMatch(u -> u.kind() == OrgKind.GRID && u.pathIds().contains(unit));
    }

    /** The caller is that volunteer (role volunteer and their account linked to that row). */
    public boolean is(long volunteer) {
        return caller.has(StaffRole.VOLUNTEER) && volunteerId != null && volunteerId == volunteer;
    }

    private static OrgKind levelOf(StaffRole role) {
        return switch (role) {
            case DISTRICT_OFFICER -> OrgKind.DISTRICT;
            case COMMUNITY_ADMIN -> OrgKind.COMMUNITY;
            case GRID_WORKER -> OrgKind.GRID;
            default -> null;
        };
    }
}
