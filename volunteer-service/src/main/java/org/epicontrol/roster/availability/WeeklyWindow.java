package org.epicontrol.roster.availability;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalTime;

@Type("WeeklyWindow")
@Description("A recurring weekly window in the city's time zone; endsAt not after startsAt runs into the next day,"
        + " equal to it is the whole day")
public record WeeklyWindow(@NonNull Weekday day, @NonNull LocalTime startsAt, @NonNull LocalTime endsAt) {
}
