package org.epicontrol.roster.response;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Type("Response")
@Description("A community's field response to an area's level: posts, shifts, testing rounds and tasks from the level's plan")
public record Response(
        @Id @NonNull String id,
        @NonNull ResponseState state,
        @Description("The round under way when TESTING (N of testingRoundCount)") Integer testingRound,
        @NonNull int testingRoundCount,
        @Description("The notice-service Area it answers") @Id @NonNull String areaId,
        @NonNull String areaName,
        @NonNull String district,
        @Description("The level in force it follows (HIGH, SEALED ...)") @NonNull String level,
        @NonNull LocalDate effectiveDate,
        @NonNull OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        @Description("Why it closed, e.g. 第196号通告：…调整为LOW") String closeReason,
        @Ignore long communityId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
