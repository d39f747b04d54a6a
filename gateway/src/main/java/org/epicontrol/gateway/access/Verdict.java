package org.epicontrol.gateway.access;

/** Whether a caller may read a field or type; {@code UNDECIDED}: a policy decision was unavailable (refused). */
public enum Verdict {
    ALLOWED, DENIED, UNDECIDED
}
