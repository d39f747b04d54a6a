package org.epicontrol.roster.audit;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("AuditEventConnection")
public record AuditEventConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("AuditEventEdge")
    public record Edge(@NonNull String cursor, @NonNull AuditEvent node) {
    }
}
