package org.epicontrol.roster.shift;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A proposal to hand a shift over to a colleague, or to exchange shifts with them; both sides agree")
public record SwapRequest(
        @Id @NonNull String id,
        @NonNull SwapStatus status,
        String reason,
        @Ignore long fromAssignmentId,
        @Ignore long toVolunteerId,
        @Ignore Long toAssignmentId) {

    public enum SwapStatus { PROPOSED, ACCEPTED, DECLINED, WITHDRAWN, FAILED }
}
