package org.epicontrol.roster.alert;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("AlertConnection")
public record AlertConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("AlertEdge")
    public record Edge(@NonNull String cursor, @NonNull AlertView node) {
    }
}
