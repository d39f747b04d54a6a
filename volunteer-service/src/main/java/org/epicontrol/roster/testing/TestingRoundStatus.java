package org.epicontrol.roster.testing;

/** SCHEDULED → DONE when the round has been carried out, or CANCELLED (the area was lowered or lifted before). */
public enum TestingRoundStatus {
    SCHEDULED, DONE, CANCELLED
}
