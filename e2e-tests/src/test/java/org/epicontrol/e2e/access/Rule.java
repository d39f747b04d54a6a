package org.epicontrol.e2e.access;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may receive an object or a field, as the policy table writes it. system-admin may read everything (both
 * services' tables say so), so no rule names it.
 *
 * <ul>
 *   <li>{@code public}: anyone, anonymous too;</li>
 *   <li>{@code signed-in}: anyone with a role of the realm;</li>
 *   <li>{@code roles:r1,r2}: holders of one of these roles;</li>
 *   <li>{@code drafts:r1,r2}: anyone, except that an object of a draft notice only for these roles;</li>
 *   <li>{@code scoped:r1,r2[,self]}: holders of one of these roles with a group over the object's unit (admin of its
 *       community, officer of its district, grid worker of its grid…); {@code r(in)}: role r with a group at or below
 *       the object's unit (a grid worker of any grid of the community); {@code self}: the volunteer the object is
 *       about; {@code duty:ROLE}: the caller's linked volunteer holds the responsibility ROLE (GRID_WORKER,
 *       BUILDING_CAPTAIN) for a unit on the object's unit path (the captain of a household's building);
 *       {@code duty:ROLE(in)}: for a unit at or below the object's unit (the captain of a building in a community's
 *       testing round: the service checks the round's own unit, which the table does not see).</li>
 *   <li>{@code own} (a field): the caller's own object (their call-out answer), for a caller with a linked
 *       volunteer; the objects below it are judged as that volunteer's.</li>
 *   <li>{@code audience}: an object addressed to an audience (an alert: community admins of C, grid workers of G or
 *       of every grid of C, officers of district D): holders of the audience's role with a group at or below its
 *       unit, and for grid workers also the volunteers whose GRID_WORKER responsibility is for a grid at or below
 *       it.</li>
 * </ul>
 */
public record Rule(String text, Kind kind, Set<String> roles, boolean self, Set<String> duties) {

    public static final String SYSTEM_ADMIN = "system-admin";
    private static final String SELF = "self";
    private static final String WITHIN = "(in)";
    private static final String DUTY = "duty:";

    public enum Kind { PUBLIC, SIGNED_IN, ROLES, DRAFTS, SCOPED, AUDIENCE, OWN }

    private static final String GRID_WORKER = "grid-worker";

    public static Rule parse(String text) {
        String[] parts = text.trim().split(":", 2);
        Set<String> names = parts.length == 1 ? Set.of()
                : Arrays.stream(parts[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Kind kind = switch (parts[0]) {
            case "public" -> Kind.PUBLIC;
            case "signed-in" -> Kind.SIGNED_IN;
            case "roles" -> Kind.ROLES;
            case "drafts" -> Kind.DRAFTS;
            case "scoped" -> Kind.SCOPED;
            case "audience" -> Kind.AUDIENCE;
            case "own" -> Kind.OWN;
            default -> throw new IllegalArgumentException("unknown rule '" + text + "'");
        };
        if ((kind == Kind.PUBLIC || kind == Kind.SIGNED_IN || kind == Kind.AUDIENCE || kind == Kind.OWN) != names.isEmpty()) {
            throw new IllegalArgumentException("rule '" + text + "': only roles, drafts and scoped name roles");
        }
        boolean self = names.contains(SELF);
        Set<String> duties = names.stream().filter(n -> n.startsWith(DUTY)).map(n -> n.substring(DUTY.length()))
                .collect(Collectors.toSet());
        if ((self || !duties.isEmpty()) && kind != Kind.SCOPED) {
            throw new IllegalArgumentException("rule '" + text + "': only a scoped rule knows 'self' and 'duty:'");
        }
        return new Rule(text.trim(), kind, names.stream().filter(n -> !n.equals(SELF) && !n.startsWith(DUTY))
                .collect(Collectors.toSet()), self, duties);
    }

    /** Whether {@code caller} may receive an object (or field) of {@code owner}; null: the owner is not known. */
    public boolean allows(Caller caller, Owner owner) {
        if (caller.roles().contains(SYSTEM_ADMIN)) {
            return true;
        }
        return switch (kind) {
            case PUBLIC -> true;
            case SIGNED_IN -> !caller.roles().isEmpty();
            case ROLES -> roles.stream().anyMatch(caller.roles()::contains);
            case DRAFTS -> owner == null || !owner.draft() || roles.stream().anyMatch(caller.roles()::contains);
            // deny by default: an object whose owner the test cannot tell is not for anyone but system-admin
            case SCOPED -> owner != null && (roles.stream().anyMatch(role -> role.endsWith(WITHIN)
                    ? caller.holdsWithin(role.substring(0, role.length() - WITHIN.length()), owner)
                    : caller.holdsOver(role, owner))
                    || self && owner.volunteerId() != null && owner.volunteerId().equals(caller.volunteerId())
                    || duties.stream().anyMatch(duty -> duty.endsWith(WITHIN)
                            ? caller.dutyWithin(duty.substring(0, duty.length() - WITHIN.length()), owner)
                            : caller.dutyOver(duty, owner)));
            // a field answering the caller's own object: only a caller with a volunteer of their own has one
            case OWN -> caller.volunteerId() != null;
            // deny by default too: an object without a known audience is for system-admin only
            case AUDIENCE -> owner != null && owner.audienceRole() != null
                    && (caller.holdsWithin(owner.audienceRole(), owner)
                    || owner.audienceRole().equals(GRID_WORKER) && caller.responsibleWithin(owner));
        };
    }

    /** Whether the decision depends on whose the object is (so an unknown owner matters). */
    public boolean needsOwner() {
        return kind == Kind.SCOPED || kind == Kind.AUDIENCE;
    }

    @Override
    public String toString() {
        return text;
    }
}
