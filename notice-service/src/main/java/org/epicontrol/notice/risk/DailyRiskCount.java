package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("DailyRiskCount")
@Description("How many designated areas of a district were in force at a level on a day (riskCounts of that day)")
public record DailyRiskCount(@NonNull LocalDate date, @NonNull String district, @NonNull String level,
                             @NonNull int count) {
}
