package org.epicontrol.roster.shift;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

public record Assignment(
        @Id @NonNull String id,
        @NonNull AssignmentStatus status,
        @NonNull AssignmentSource source,
        String endedReason,
        @NonNull OffsetDateTime createdAt,
        @Ignore long shiftId,
        @Ignore long volunteerId) {

    public long numericId() {
        return Long.parseLong(id);
    }

    public enum AssignmentStatus { ACTIVE, CANCELLED, HANDED_OVER }

    public enum AssignmentSource { SIGN_UP, ASSIGNED, SWAP, HAND_OVER }
}
