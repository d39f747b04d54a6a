package org.epicontrol.roster.testing;

/**
 * A household's status in a testing round. TESTED, POSITIVE and ISOLATED are outcomes (the household is done for the
 * round); NOT_AT_HOME and REFUSED are attempts (the household is visited again), accounted for only with a reason.
 * POSITIVE is recorded by staff only.
 */
public enum HouseholdTestStatus {
    TESTED, NOT_AT_HOME, REFUSED, ISOLATED, POSITIVE;

    /** An outcome: the household needs no further visit in this round. */
    public boolean outcome() {
        return this == TESTED || this == POSITIVE || this == ISOLATED;
    }

    /** People sampled are counted with these (and only these). */
    public boolean counted() {
        return this == TESTED || this == POSITIVE;
    }

    /** A reason is required (REFUSED, ISOLATED); NOT_AT_HOME may come without one but is then not accounted for. */
    public boolean needsReason() {
        return this == REFUSED || this == ISOLATED;
    }
}
