package org.epicontrol.roster.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("AuditEvent")
@Description("One change: who (username) did what to which object, when")
public record AuditEvent(
        @NonNull OffsetDateTime at,
        String actor,
        @NonNull String action,
        @NonNull String targetType,
        String targetId,
        @Description("What changed, as a JSON object") @NonNull String details,
        @Ignore long id) {
}
