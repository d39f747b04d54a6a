package org.epicontrol.roster.testing;

import org.epicontrol.common.DomainException;

/**
 * The arguments of recordHouseholdTest checked before anything is read (INVALID_INPUT, nothing changed): the bounds
 * are household_test's own checks, said here with the field's name.
 */
final class RecordingInput {

    private static final int MAX_TESTED = 50;
    private static final int MAX_REASON = 500;

    private RecordingInput() {
    }

    static Recording validate(long roundId, long householdId, HouseholdTestStatus status, Integer testedCount,
                              String reason, boolean correction) {
        if (testedCount != null && !status.counted()) {
            throw DomainException.invalid("testedCount goes with TESTED or POSITIVE only, not with " + status);
        }
        if (testedCount != null && (testedCount < 0 || testedCount > MAX_TESTED)) {
            throw DomainException.invalid("testedCount must be between 0 and " + MAX_TESTED + ", was " + testedCount);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.codePointCount(0, why.length()) > MAX_REASON) {
            throw DomainException.invalid("reason must have at most " + MAX_REASON + " characters");
        }
        if (why == null && status.needsReason()) {
            throw DomainException.invalid("a reason is required with " + status);
        }
        return new Recording(roundId, householdId, status, testedCount, why,
                correction ? Precedence.Mode.CORRECTION : Precedence.Mode.RECORD, null);
    }
}
