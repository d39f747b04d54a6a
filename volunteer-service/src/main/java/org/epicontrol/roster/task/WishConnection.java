package org.epicontrol.roster.task;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("WishConnection")
public record WishConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("WishEdge")
    public record Edge(@NonNull String cursor, @NonNull Wish node) {
    }
}
