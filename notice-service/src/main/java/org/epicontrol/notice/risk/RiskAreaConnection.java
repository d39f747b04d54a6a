package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

public record RiskAreaConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("RiskAreaEdge")
    public record Edge(@NonNull String cursor, @NonNull RiskArea node) {
    }
}
