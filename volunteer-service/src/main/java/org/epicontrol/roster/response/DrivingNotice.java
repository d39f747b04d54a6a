package org.epicontrol.roster.response;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.feed.AreaEventKind;

import java.time.LocalDate;

@Type("DrivingNotice")
@Description("A notice change (area event) that opened, changed or closed a response")
public record DrivingNotice(
        @Description("notice-service's Notice id") @Id @NonNull String noticeId,
        @NonNull int noticeNumber,
        @NonNull AreaEventKind kind,
        @Description("The area the notice named (the response's area, or an area inside it)") @Id @NonNull String areaId,
        @Description("Level the notice gives the area; null for a cancellation") String level,
        @Description("The area's level in force after the change") String levelInForce,
        @NonNull LocalDate effectiveDate,
        @Description("Position in notice-service's area-event feed") @Id @NonNull String sequence) {

    static DrivingNotice of(DrivingNoticeEntity e) {
        return new DrivingNotice(e.noticeId, e.noticeNumber, AreaEventKind.valueOf(e.kind), e.areaId, e.level,
                e.levelInForce, e.effectiveDate, String.valueOf(e.sequence));
    }
}
