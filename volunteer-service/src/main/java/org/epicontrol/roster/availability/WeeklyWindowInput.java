package org.epicontrol.roster.availability;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalTime;

@Input("WeeklyWindowInput")
public record WeeklyWindowInput(@NonNull Weekday day, @NonNull LocalTime startsAt, @NonNull LocalTime endsAt) {
}
