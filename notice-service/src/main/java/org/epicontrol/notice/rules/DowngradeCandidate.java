package org.epicontrol.notice.rules;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.level.RiskLevel;

import java.time.LocalDate;

@Description("A designated area whose quiet period reached the rule of its level")
public record DowngradeCandidate(
        @NonNull Area area,
        @NonNull RiskLevel level,
        @Description("Effective date of the designation in force") @NonNull LocalDate since,
        @Description("Last day with new infections in the area, if any was reported") LocalDate lastInfection,
        @Description("Days without new infections up to the date asked") @NonNull int quietDays,
        @Description("Days the rule asks for") @NonNull int requiredDays,
        @NonNull RiskLevel downgradeTo,
        @Ignore long noticeId) {
}
