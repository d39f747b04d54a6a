package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Description("A person's registration to volunteer at a community (报到 / 双报到), decided by its administrators")
public record VolunteerRegistration(
        @Id @NonNull String id,
        @NonNull String name,
        @NonNull RegistrationKind kind,
        String workUnit,
        @NonNull List<@NonNull String> skills,
        @NonNull RegistrationStatus status,
        @NonNull OffsetDateTime createdAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        @Description("Why it was rejected") String reason,
        @Description("True once Keycloak confirmed the realm role volunteer of the approved account")
        @NonNull boolean roleGranted,
        @Ignore long communityId,
        @Ignore Long volunteerId,
        @Ignore String userId,
        // personal data: served only through the guarded phone field
        @Ignore String phoneNumber) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
