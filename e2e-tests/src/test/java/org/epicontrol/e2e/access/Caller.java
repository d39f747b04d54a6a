package org.epicontrol.e2e.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who asks: a demo user with the realm roles and groups (unit paths) the realm file gives them, the volunteer
 * record their account is linked to, and that volunteer's responsibilities by the organisation's own data (role, e.g.
 * GRID_WORKER or BUILDING_CAPTAIN → the units, as paths, held in that role); or anonymous.
 */
public record Caller(String username, Set<String> roles, List<List<String>> groups, String volunteerId,
                     Map<String, List<List<String>>> duties) {

    public static final String GRID_WORKER_DUTY = "GRID_WORKER";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), List.of(), null);

    public Caller(String username, Set<String> roles, List<List<String>> groups, String volunteerId) {
        this(username, roles, groups, volunteerId, Map.of());
    }

    public boolean anonymous() {
        return username == null;
    }

    public String name() {
        return anonymous() ? "anonymous" : username;
    }

    public Caller withVolunteer(String id) {
        return new Caller(username, roles, groups, id, duties);
    }

    /** The same caller, holding these responsibilities (role → unit paths) through the linked volunteer. */
    public Caller withDuties(Map<String, List<List<String>>> held) {
        return new Caller(username, roles, groups, volunteerId, Map.copyOf(held));
    }

    /** Holds {@code role} with a group on the owner's unit path (the owner's unit or one above it). */
    public boolean holdsOver(String role, Owner owner) {
        return roles.contains(role) && groups.stream().anyMatch(owner::isUnder);
    }

    /** Holds {@code role} with a group at or below the owner's unit (a grid of the community). */
    public boolean holdsWithin(String role, Owner owner) {
        return roles.contains(role) && groups.stream().anyMatch(owner::contains);
    }

    /** Is a grid worker, by responsibility, of a grid at or below the owner's unit. */
    public boolean responsibleWithin(Owner owner) {
        return duties.getOrDefault(GRID_WORKER_DUTY, List.of()).stream().anyMatch(owner::contains);
    }

    /** Holds the responsibility {@code role} for a unit at or below the owner's unit (a captain of a building in it). */
    public boolean dutyWithin(String role, Owner owner) {
        return duties.getOrDefault(role, List.of()).stream().anyMatch(owner::contains);
    }

    /** Holds the responsibility {@code role} for a unit on the owner's unit path (a captain of the household's building). */
    public boolean dutyOver(String role, Owner owner) {
        return duties.getOrDefault(role, List.of()).stream().anyMatch(owner::isUnder);
    }
}
