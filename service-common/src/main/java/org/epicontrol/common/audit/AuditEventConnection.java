package org.epicontrol.common.audit;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

/** A page of an audit trail, newest first; shareable like {@link AuditEvent}. */
@Shareable
@Type("AuditEventConnection")
public record AuditEventConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Shareable
    @Type("AuditEventEdge")
    public record Edge(@NonNull String cursor, @NonNull AuditEvent node) {
    }

    /** The page of {@code first} events from {@code fetched}, which holds one more when there is a next page. */
    public static AuditEventConnection page(List<Edge> fetched, int first) {
        boolean more = fetched.size() > first;
        List<Edge> edges = more ? fetched.subList(0, first) : fetched;
        return new AuditEventConnection(List.copyOf(edges),
                new PageInfo(more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
