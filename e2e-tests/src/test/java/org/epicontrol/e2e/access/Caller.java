package org.epicontrol.e2e.access;

import java.util.List;
import java.util.Set;

/**
 * Who asks: a demo user with the realm roles and groups (unit paths) the realm file gives them, and the volunteer
 * record their account is linked to; or anonymous.
 */
public record Caller(String username, Set<String> roles, List<List<String>> groups, String volunteerId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), List.of(), null);

    public boolean anonymous() {
        return username == null;
    }

    public String name() {
        return anonymous() ? "anonymous" : username;
    }

    public Caller withVolunteer(String id) {
        return new Caller(username, roles, groups, id);
    }

    /** Holds {@code role} with a group on the owner's unit path (the owner's unit or one above it). */
    public boolean holdsOver(String role, Owner owner) {
        return roles.contains(role) && groups.stream().anyMatch(owner::isUnder);
    }

    /** Holds {@code role} with a group at or below the owner's unit (a grid of the community). */
    public boolean holdsWithin(String role, Owner owner) {
        return roles.contains(role) && groups.stream().anyMatch(owner::contains);
    }
}
