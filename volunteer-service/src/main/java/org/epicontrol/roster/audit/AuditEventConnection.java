package org.epicontrol.roster.audit;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Shareable
@Type("AuditEventConnection")
public record AuditEventConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Shareable
    @Type("AuditEventEdge")
    public record Edge(@NonNull String cursor, @NonNull AuditEvent node) {
    }
}
