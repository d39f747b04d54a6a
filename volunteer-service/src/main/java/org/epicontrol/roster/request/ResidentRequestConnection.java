package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("ResidentRequestConnection")
public record ResidentRequestConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("ResidentRequestEdge")
    public record Edge(@NonNull String cursor, @NonNull ResidentRequest node) {
    }
}
