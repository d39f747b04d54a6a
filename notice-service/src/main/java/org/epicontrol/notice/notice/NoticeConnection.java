package org.epicontrol.notice.notice;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

public record NoticeConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo) {

    @Type("NoticeEdge")
    public record Edge(@NonNull String cursor, @NonNull Notice node) {
    }
}
