package org.epicontrol.roster.access;

/** One named rule of {@link RosterAccess}: may this caller see or touch the object placed here. */
@FunctionalInterface
public interface Rule {

    boolean allows(Scope scope, Targets.Placed placed);
}
