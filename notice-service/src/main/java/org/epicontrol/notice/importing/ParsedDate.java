package org.epicontrol.notice.importing;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date as printed: month and day, the year only when printed ("11月28日" has none).
 *
 * @param year null when the text prints no year with it
 */
public record ParsedDate(Integer year, int month, int day) {

    /**
     * This date in the year of {@code reference} or the one next to it, whichever lies closest to it: "1月2日起"
     * printed on 2022-12-30 is 2023-01-02, "12月30日" mentioned on 2023-01-02 is 2022-12-30.
     *
     * @throws DateTimeException when month and day make no date in any of those years
     */
    public LocalDate near(LocalDate reference) {
        if (year != null) {
            return LocalDate.of(year, month, day);
        }
        LocalDate best = null;
        for (int y = reference.getYear() - 1; y <= reference.getYear() + 1; y++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(y, month, day);
            } catch (DateTimeException notInThisYear) {
                continue; // 2月29日 outside a leap year
            }
            if (best == null || distance(candidate, reference) < distance(best, reference)) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new DateTimeException(month + "月" + day + "日 is not a date");
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }
}
