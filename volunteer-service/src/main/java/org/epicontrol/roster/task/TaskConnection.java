package org.epicontrol.roster.task;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("TaskConnection")
public record TaskConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("TaskEdge")
    public record Edge(@NonNull String cursor, @NonNull Task node) {
    }
}
