package org.epicontrol.roster.shift;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.LocalTime;

@Input("RotationInput")
@Description("A 24 h rotation: e.g. 2 shifts of 12 h or 3 of 8 h a day, for a number of days")
public record RotationInput(
        @Id @NonNull String postId,
        @NonNull LocalDate firstDay,
        @NonNull int days,
        @Description("Length of each shift; 24 must be a multiple of it") @NonNull int shiftHours,
        @Description("When the first shift of each day starts, in the city's time zone") @DefaultValue("08:00") LocalTime dayStartsAt,
        @Description("Defaults to the post's required headcount") Integer requiredHeadcount) {
}
