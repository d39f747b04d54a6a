package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.Designation;
import org.epicontrol.notice.notice.Notice;

import java.time.LocalDate;

@Description("The risk level of an address at a date, and which notice decided it")
public record RiskAssessment(
        @NonNull String address,
        @NonNull LocalDate asOf,
        @Description("False when no notice in force covers the address") @NonNull boolean designated,
        RiskLevel level,
        @Description("The most specific designated area that covers the address") Area area,
        @Description("The most specific known area the address falls in, designated or not") Area matchedArea,
        Notice notice,
        Designation designation,
        @Description("Since when the address has had this level without interruption") LocalDate since) {
}
