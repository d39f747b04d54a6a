package org.epicontrol.notice.level;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("RiskLevel")
@Description("A level of the vocabulary in force (data, not an enum: vocabularies changed during 2022)")
public record RiskLevel(
        @Description("Stable code, e.g. HIGH, LOW, SEALED") @NonNull String code,
        @Description("The name printed in notices, e.g. 高风险区") @NonNull String name,
        @Description("Higher is stricter") @NonNull int severity,
        LocalDate validFrom,
        LocalDate validTo,
        String description) {
}
