package org.epicontrol.roster.shift;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A proposal to hand a shift over to a colleague, or to exchange shifts with them; both sides agree")
public record SwapRequest(
        @Id @NonNull String id,
        @NonNull SwapStatus status,
        String reason,
        @Description("When it was proposed") @NonNull OffsetDateTime createdAt,
        @Ignore long fromAssignmentId,
        @Ignore long toVolunteerId,
        @Ignore Long toAssignmentId) {

    public enum SwapStatus { PROPOSED, ACCEPTED, DECLINED, WITHDRAWN, FAILED }
}
