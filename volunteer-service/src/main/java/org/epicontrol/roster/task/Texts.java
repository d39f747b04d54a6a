package org.epicontrol.roster.task;

import org.epicontrol.common.DomainException;

/** Free text of tasks, wishes and residents' requests: stripped, bounded, blank meaning absent. */
public final class Texts {

    private Texts() {
    }

    public static String optional(String value, int max, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw DomainException.invalid(what + " must have at most " + max + " characters");
        }
        return stripped;
    }

    public static String required(String value, int max, String what) {
        String stripped = optional(value, max, what);
        if (stripped == null) {
            throw DomainException.invalid(what + " must not be blank");
        }
        return stripped;
    }
}
