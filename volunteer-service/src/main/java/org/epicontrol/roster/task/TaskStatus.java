package org.epicontrol.roster.task;

/** OPEN → ASSIGNED → DONE or FAILED; ASSIGNED and FAILED tasks can be reopened, DONE is final. */
public enum TaskStatus {
    OPEN, ASSIGNED, DONE, FAILED
}
