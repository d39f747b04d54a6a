package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Ignore;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.level.RiskLevel;

import java.time.LocalDate;

/** A designated area and the level it has at the date asked. */
public record RiskArea(@NonNull Area area, @NonNull RiskLevel level, @NonNull LocalDate since,
                       @Ignore long noticeId, @Ignore long designationId) {
}
