package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.level.RiskLevel;

import java.time.LocalDate;

@Description("A designation that set the level of an area, directly or through an enclosing area")
public record LevelChange(@NonNull LocalDate date, @NonNull RiskLevel level,
                          @Description("The area the notice named: this one or one enclosing it") @NonNull Area designatedArea,
                          @NonNull boolean inForce,
                          @Ignore long noticeId, @Ignore long designationId) {
}
