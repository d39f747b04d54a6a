package org.epicontrol.notice.feed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.notice.area.Area;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One row of the change feed (table area_event), read with its area; {@code area} is served by FeedGraphQLApi. */
@Type("AreaEvent")
@Description("A published change of one area's designation, in the feed's commit order")
public record AreaEvent(
        @Description("The feed position (a decimal long): strictly increasing in commit order; pass it as `after` to read on")
        @Id @NonNull String sequence,
        @NonNull AreaEventKind kind,
        @Id @NonNull String areaId,
        @Description("pathIds of the area (root first, the area last)")
        @Id @NonNull List<@NonNull String> areaPath,
        @NonNull String district,
        @NonNull String fullName,
        @Description("Level code this notice gives the area (HIGH, LOW, SEALED...); null when the change removes the"
                + " designation (cancellation)")
        String level,
        @Description("The area's own level code in force at effectiveDate once the change is applied (notice-service's"
                + " risk look-up for that area); null when none")
        String levelInForce,
        @NonNull LocalDate effectiveDate,
        @Id @NonNull String noticeId,
        @NonNull int noticeNumber,
        @Description("When notice-service committed the change") @NonNull OffsetDateTime occurredAt,
        @Ignore Area place) {
}
