package org.epicontrol.roster.rostering.solver;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a place of a roster proposal stayed open, from the facts: the first of these that holds")
public enum OpenReason {
    @Description("Nobody in the pool has the kind or skill the post asks for")
    NO_QUALIFIED_VOLUNTEER,
    @Description("Every qualified person is unavailable then (weekly windows, exceptions)")
    ALL_QUALIFIED_UNAVAILABLE,
    @Description("Every qualified, available person is on another shift at that time")
    ALL_QUALIFIED_BUSY,
    @Description("Every remaining candidate would break the rest or maximum-hours rule")
    WORKING_TIME_RULES,
    @Description("A candidate was free; the solver did not reach it within the time budget")
    NOT_REACHED
}
