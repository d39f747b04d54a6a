package org.epicontrol.roster.testing;

/**
 * What a recorder sent for one household in one round. {@code testedCount} is filled (from the head count) for
 * TESTED and POSITIVE before it is stored. {@code taskId}: the door-to-door task whose completion recorded it.
 */
record Recording(long roundId, long householdId, HouseholdTestStatus status, Integer testedCount, String reason,
                 Precedence.Mode mode, Long taskId) {

    /** Accounted for once stored (the rule of household_test.accounted). */
    boolean accounted() {
        return status.outcome() || reason != null;
    }

    Recording withTestedCount(Integer count) {
        return new Recording(roundId, householdId, status, count, reason, mode, taskId);
    }
}
