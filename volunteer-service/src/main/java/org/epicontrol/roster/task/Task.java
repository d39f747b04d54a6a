package org.epicontrol.roster.task;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Task")
@Description("Work for a household or a building: door-to-door testing, supplies, medicine, transport")
public record Task(
        @Id @NonNull String id,
        @NonNull TaskKind kind,
        @Description("The household it is for, e.g. 3号楼2单元501; empty for work on the whole unit") String household,
        @Description("The notice-service Area it belongs to, if given") String areaId,
        String description,
        @NonNull TaskStatus status,
        @Description("Why it failed; set when FAILED") String failureReason,
        @Description("Why it was cancelled; set when CANCELLED") String cancelReason,
        OffsetDateTime dueAt,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @Ignore long unitId,
        @Ignore Long assigneeId,
        @Ignore Long responseId,
        @Ignore Long householdId,
        @Ignore Long testingRoundId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
