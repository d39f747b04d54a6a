package org.epicontrol.roster.access;

import java.util.function.Predicate;

/** One named rule of {@link RosterAccess}: may this caller see or touch the object placed here. */
@FunctionalInterface
public interface Rule {

    boolean allows(Scope scope, Targets.Placed placed);

    /** A rule about the caller alone (signed in with a role): objects under it need not be looked up. */
    record OfCaller(Predicate<Scope> test) implements Rule {
        @Override
        public boolean allows(Scope scope, Targets.Placed placed) {
            return test.test(scope);
        }
    }
}
