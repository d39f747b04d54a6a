package org.epicontrol.roster.alert;

import org.epicontrol.common.security.StaffRole;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Scope;

import java.util.Map;
import java.util.Set;

/**
 * One caller as the alerts see them: their scope and, per audience role, the units they are a member over
 * ({@link AccessRules#alertAudiences}). Fixed when resolved: a subscription keeps the one of its start.
 */
public record Addressees(Scope scope, Map<StaffRole, Set<Long>> over, RosterAccess access) {

    public boolean systemAdmin() {
        return scope.systemAdmin();
    }

    /** Whether the caller is in the alert's audience: {@link AccessRules#mayReadAlert}. */
    public boolean include(Alert alert) {
        return AccessRules.mayReadAlert(scope, over, alert.audience.role(), alert.audienceUnitId);
    }

    /** The units over which the caller belongs to {@code audience}. */
    public Set<Long> unitsOf(Audience audience) {
        return over.getOrDefault(audience.role(), Set.of());
    }
}
