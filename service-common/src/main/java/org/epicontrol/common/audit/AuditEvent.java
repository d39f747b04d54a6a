package org.epicontrol.common.audit;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** Every service answers its own audit trail with it, so Federation 2 composition needs it shareable. */
@Shareable
@Type("AuditEvent")
@Description("A change someone made, as recorded in the transaction of the change itself")
public record AuditEvent(
        @NonNull OffsetDateTime at,
        @Description("The username of whoever made the change") String actor,
        @NonNull String action,
        @NonNull String targetType,
        String targetId,
        @Description("What changed, as a JSON object") @NonNull String details) {
}
