package org.epicontrol.notice.risk;

import org.epicontrol.common.DomainException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days riskTrend answers for: from and to inclusive, from ≤ to, at most {@link #MAX_DAYS} days. */
public record TrendWindow(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 92;

    public TrendWindow {
        if (to.isBefore(from)) {
            throw new DomainException("INVALID_INPUT", "riskTrend: to (" + to + ") is before from (" + from + ")");
        }
        long days = days(from, to);
        if (days > MAX_DAYS) {
            throw new DomainException("INVALID_INPUT", "riskTrend: " + days + " days from " + from + " to " + to
                    + "; at most " + MAX_DAYS);
        }
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
