package org.epicontrol.roster.access;

import org.epicontrol.roster.audit.Actor;

import java.util.List;

/** A granted operation: who asked, and where in the organisation the object they act on sits. */
public record Permit(Scope scope, List<Long> orgPath) {

    /** The actor for the audit trail. */
    public Actor actor() {
        return new Actor(scope.caller().username(), scope.caller().subject(), orgPath);
    }
}
