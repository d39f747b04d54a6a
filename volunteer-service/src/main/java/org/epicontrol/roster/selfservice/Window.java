package org.epicontrol.roster.selfservice;

import org.epicontrol.common.DomainException;

import java.time.Duration;
import java.time.OffsetDateTime;

/** The window a volunteer looks at their own work in: [from, to), from before to, at most 62 days. */
final class Window {

    static final Duration MAX = Duration.ofDays(62);

    private Window() {
    }

    static void check(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX) > 0) {
            throw DomainException.invalid("a window spans at most " + MAX.toDays() + " days");
        }
    }
}
