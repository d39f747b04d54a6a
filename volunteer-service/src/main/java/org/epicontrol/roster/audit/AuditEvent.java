package org.epicontrol.roster.audit;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** Shareable: notice-service answers the same type, so Federation 2 composition needs it shareable. */
@Shareable
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
