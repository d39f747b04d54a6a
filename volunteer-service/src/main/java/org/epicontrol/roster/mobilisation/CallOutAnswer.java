package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Description("One invited volunteer's answer to a call-out")
public record CallOutAnswer(
        @Description("Yes, no, or null while unanswered") Boolean accepted,
        @NonNull OffsetDateTime invitedAt,
        OffsetDateTime answeredAt,
        @Description("The shifts this answer named that the roster refused (only in answerCallOut's result)")
        @NonNull List<@NonNull RefusedShift> refused,
        @Ignore long callOutId,
        @Ignore long volunteerId) {
}
