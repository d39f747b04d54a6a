package org.epicontrol.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.epicontrol.common.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who sends the request, as the token says: subject, roles, and the organisation units their Keycloak groups name.
 * A group's full path is the organisation path by names ({@code /小店区/平阳路街道/西贾社区}), so the realm needs no ids
 * of this system's rows.
 */
public record Caller(String subject, String username, Set<StaffRole> roles, List<List<String>> orgPaths) {

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), List.of());

    /** The claim carrying group paths; the realm's "groups" mapper writes full paths. */
    public static final String GROUPS_CLAIM = "groups";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        identity.getRoles().forEach(name -> StaffRole.byRoleName(name).ifPresent(roles::add));
        List<List<String>> paths = new ArrayList<>();
        String subject = identity.getPrincipal().getName();
        String username = subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject();
            username = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username").toString() : subject;
            Object groups = jwt.getClaim(GROUPS_CLAIM);
            if (groups instanceof Collection<?> list) {
                for (Object group : list) {
                    List<String> path = parsePath(String.valueOf(group).replace("\"", ""));
                    if (!path.isEmpty()) {
                        paths.add(path);
                    }
                }
            }
        }
        return new Caller(subject, username, Set.copyOf(roles), List.copyOf(paths));
    }

    static List<String> parsePath(String group) {
        return Arrays.stream(group.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    public boolean hasAny(StaffRole... wanted) {
        for (StaffRole role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses unless the caller holds one of the roles: UNAUTHENTICATED without a token, FORBIDDEN otherwise. */
    public Caller require(String operation, StaffRole... allowed) {
        if (anonymous()) {
            throw DomainException.unauthenticated(operation);
        }
        if (!hasAny(allowed)) {
            throw DomainException.forbidden(operation + " needs one of the roles "
                    + Arrays.stream(allowed).map(StaffRole::roleName).toList());
        }
        return this;
    }
}
