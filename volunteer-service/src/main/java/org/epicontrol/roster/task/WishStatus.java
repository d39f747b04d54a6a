package org.epicontrol.roster.task;

/** OPEN → CLAIMED → FULFILLED; OPEN or CLAIMED → CANCELLED. */
public enum WishStatus {
    OPEN, CLAIMED, FULFILLED, CANCELLED
}
