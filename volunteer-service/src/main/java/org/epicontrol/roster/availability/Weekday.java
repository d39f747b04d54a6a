package org.epicontrol.roster.availability;

import java.time.DayOfWeek;

/** A day of the week in the API (java.time's own enum is not in the GraphQL schema's index). */
public enum Weekday {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    public DayOfWeek day() {
        return DayOfWeek.of(ordinal() + 1);
    }

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
