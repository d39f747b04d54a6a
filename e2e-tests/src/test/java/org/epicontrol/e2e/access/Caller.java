package org.epicontrol.e2e.access;

import java.util.List;
import java.util.Set;

/**
 * Who asks: a demo user with the realm roles and groups (unit paths) the realm file gives them, the volunteer
 * record their account is linked to, and the grids that volunteer is a grid worker of by the organisation's own
 * data (a GRID_WORKER responsibility); or anonymous.
 */
public record Caller(String username, Set<String> roles, List<List<String>> groups, String volunteerId,
                     List<List<String>> responsibleGrids) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), List.of(), null);

    public Caller(String username, Set<String> roles, List<List<String>> groups, String volunteerId) {
        this(username, roles, groups, volunteerId, List.of());
    }

    public boolean anonymous() {
        return username == null;
    }

    public String name() {
        return anonymous() ? "anonymous" : username;
    }

    public Caller withVolunteer(String id) {
        return new Caller(username, roles, groups, id, responsibleGrids);
    }

    /** The same caller, grid worker of these grids (unit paths) by responsibility. */
    public Caller withResponsibleGrids(List<List<String>> grids) {
        return new Caller(username, roles, groups, volunteerId, List.copyOf(grids));
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
        return responsibleGrids.stream().anyMatch(owner::contains);
    }
}
