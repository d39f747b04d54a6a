package org.epicontrol.notice.area;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.access.NoticeVisibility;

import java.util.List;

/** Areas by id, by name and as entities; an area only drafts name exists for draft readers only (NoticeVisibility). */
@GraphQLApi
public class AreaGraphQLApi {

    private final AreaQueries queries;
    private final PageRequest pages;
    private final NoticeAccess access;

    public AreaGraphQLApi(AreaQueries queries, PageRequest pages, NoticeAccess access) {
        this.queries = queries;
        this.pages = pages;
        this.access = access;
    }

    @Query("area")
    public Uni<Area> area(@Id @NonNull String id) {
        NoticeVisibility visibility = access.visibility();
        return queries.byIds(List.of(Ids.parseOrZero(id))).map(list -> visibility.filter(list.get(0)));
    }

    @Query("searchAreas")
    @Description("Areas whose name contains the text, e.g. 紫城")
    public Uni<List<Area>> searchAreas(@NonNull String text, String district, Integer first) {
        return queries.search(text, district, pages.size(first), access.visibility().seesDrafts());
    }

    /** Federation: resolves the Area entities other subgraphs refer to, all in one statement; hidden areas are null. */
    @Resolver
    public Uni<List<Area>> areasByIds(@Name("id") List<String> ids) {
        NoticeVisibility visibility = access.visibility();
        return queries.byIds(ids.stream().map(Ids::parseOrZero).toList()).map(visibility::filterAreas);
    }

    public Uni<List<Area>> parent(@Source List<Area> areas) {
        NoticeVisibility visibility = access.visibility();
        return queries.byIds(areas.stream().map(a -> a.parentId() == null ? 0L : a.parentId()).toList())
                .map(visibility::filterAreas);
    }

    public Uni<List<List<Area>>> children(@Source List<Area> areas) {
        NoticeVisibility visibility = access.visibility();
        return queries.childrenOf(areas.stream().map(Area::numericId).toList()).map(visibility::visibleAreasOfEach);
    }
}
