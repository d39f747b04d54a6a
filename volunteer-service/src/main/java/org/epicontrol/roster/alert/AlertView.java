package org.epicontrol.roster.alert;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** An alert as the API shows it to a member of its audience. */
@Type("Alert")
@Description("An alert to the people responsible: a response opened or closed, an alert nobody acknowledged in"
        + " time escalated to the district's officers, or a resident's request overdue or urgent and unassigned."
        + " Readable by its audience (and system administrators) only")
public record AlertView(
        @Id @NonNull String id,
        @NonNull AlertKind kind,
        @Description("Whom it is for; with grid and community, which of them") @NonNull Audience audience,
        @Description("What to do, in words for people (zh-CN)") @NonNull String message,
        @Description("The response it is about; null for a resident's request") @Id String responseId,
        @Description("The resident's request it is about (REQUEST_ESCALATED); null for a response") @Id String requestId,
        @Description("The notice-service Area the response is for") @Id String areaId,
        String areaName,
        @Description("The level code that opened the response (HIGH, SEALED ...)") String level,
        @NonNull OffsetDateTime createdAt,
        @Description("When it was first acknowledged; later acknowledgements change nothing")
        OffsetDateTime acknowledgedAt,
        @Description("Who acknowledged it first (user name)") String acknowledgedBy,
        @Description("When it was escalated to the district's officers for want of acknowledgement")
        OffsetDateTime escalatedAt,
        @Ignore long audienceUnitId,
        @Ignore long communityId,
        @Ignore Long gridId,
        @Ignore Long escalationOfId) {

    static AlertView of(Alert alert) {
        return new AlertView(String.valueOf(alert.id), alert.kind, alert.audience, alert.message,
                alert.responseId == null ? null : String.valueOf(alert.responseId),
                alert.requestId == null ? null : String.valueOf(alert.requestId), alert.areaId, alert.areaName, alert.level, alert.createdAt,
                alert.acknowledgedAt, alert.acknowledgedBy, alert.escalatedAt, alert.audienceUnitId, alert.communityId,
                alert.gridId, alert.escalationOf);
    }

    public long numericId() {
        return Long.parseLong(id);
    }
}
