package org.epicontrol.roster.task;

/**
 * OPEN → ASSIGNED → DONE or FAILED; ASSIGNED and FAILED tasks can be reopened, DONE is final. CANCELLED (final): an
 * open or assigned task of a response that closed because its area was lowered or lifted.
 */
public enum TaskStatus {
    OPEN, ASSIGNED, DONE, FAILED, CANCELLED
}
