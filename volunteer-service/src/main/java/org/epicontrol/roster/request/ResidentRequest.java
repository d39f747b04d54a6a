package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("ResidentRequest")
@Description("A resident's request (接诉即办) with its response-time clock. Readable by the community's staff, its"
        + " grid workers (a household's request: the grid worker of its building's grid) and its assignee")
public record ResidentRequest(
        @Id @NonNull String id,
        @NonNull RequestKind kind,
        @NonNull RequestUrgency urgency,
        @NonNull String description,
        @Description("How it came in: PHONE, IN_PERSON, GRID_WORKER, WECHAT, HOTLINE, OTHER") @NonNull String channel,
        @Description("Who took it (user name)") @NonNull String takenBy,
        @NonNull OffsetDateTime receivedAt,
        @Description("When it must be answered: received + requests.respond-within of its urgency")
        @NonNull OffsetDateTime dueAt,
        @NonNull RequestStatus status,
        OffsetDateTime assignedAt,
        OffsetDateTime closedAt,
        @Description("What was done (DONE)") String outcome,
        @Description("Why it was cancelled (CANCELLED)") String cancelReason,
        @Description("0; 1 once the community's admins were alerted; 2 once the district's officers were")
        @NonNull int escalationLevel,
        @Description("Still open and past its due time, now") @NonNull boolean overdue,
        @Ignore long communityId,
        @Ignore Long householdId,
        @Ignore Long assigneeId,
        @Ignore Long teamId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
