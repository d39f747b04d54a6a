package org.epicontrol.notice.notice;

import io.smallrye.graphql.api.federation.policy.Policy;
import io.smallrye.graphql.api.federation.policy.PolicyGroup;
import io.smallrye.graphql.api.federation.policy.PolicyItem;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.notice.area.Area;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.access.NoticeVisibility;
import org.epicontrol.notice.feed.NoticeFeed;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.6", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible"),
        @Import(name = "@policy")})
public class NoticeGraphQLApi {

    private final NoticeQueries queries;
    private final NoticeDrafts drafts;
    private final NoticeLifecycle lifecycle;
    private final LevelCatalog levels;
    private final NoticeFeed feed;
    private final PageRequest pages;
    private final NoticeAccess access;

    public NoticeGraphQLApi(NoticeQueries queries, NoticeDrafts drafts, NoticeLifecycle lifecycle, LevelCatalog levels,
                            NoticeFeed feed, PageRequest pages, NoticeAccess access) {
        this.queries = queries;
        this.drafts = drafts;
        this.lifecycle = lifecycle;
        this.levels = levels;
        this.feed = feed;
        this.pages = pages;
        this.access = access;
    }

    @Query("notice")
    @Description("A notice by id; a draft only for notice staff, to others it does not exist")
    public Uni<Notice> notice(@Id @NonNull String id) {
        NoticeVisibility visibility = access.visibility();
        return queries.byId(Ids.parse(id)).map(visibility::filter);
    }

    @Query("notices")
    @Description("Newest first; filtered by issue date range, by a district named in the notice, by status."
            + " Drafts are listed for notice staff only")
    public Uni<NoticeConnection> notices(LocalDate from, LocalDate to, String district, NoticeStatus status,
                                         Integer first, String after) {
        access.mayListNotices(status);
        boolean drafts = access.visibility().seesDrafts();
        int size = pages.size(first);
        return queries.list(new NoticeQueries.NoticeFilter(from, to, district, status, drafts), size, after)
                .map(page -> {
                    List<NoticeConnection.Edge> edges = new ArrayList<>();
                    for (int i = 0; i < page.notices().size(); i++) {
                        edges.add(new NoticeConnection.Edge(page.cursors().get(i), page.notices().get(i)));
                    }
                    return new NoticeConnection(edges, page.pageInfo());
                });
    }

    @Mutation("createNotice")
    @Description("Stores a notice entered through a form as a draft")
    public Uni<Notice> createNotice(@NonNull NoticeInput input) {
        Caller editor = access.mayCreateNotice();
        return drafts.create(input, editor).chain(queries::byId);
    }

    @Mutation("publishNotice")
    // The gateway's first gate: Keycloak Authorization Services decide permission notice:publish (the roles below).
    @Policy(policies = @PolicyGroup(@PolicyItem("notice:publish")))
    @Description("Publishes a draft; an UPDATE or CANCEL supersedes the notice it refers to from its effective date."
            + " Never by the user who drafted it (FOUR_EYES)")
    public Uni<Notice> publishNotice(@Id @NonNull String id) {
        Caller publisher = access.mayPublishNotice();
        return lifecycle.publish(Ids.parse(id), publisher)
                .chain(queries::byId)
                .invoke(feed::announce);
    }

    /** Federation: resolves the Notice entities other subgraphs refer to, all in one statement; hidden drafts are null. */
    @Resolver
    public Uni<List<Notice>> noticesByIds(@Name("id") List<String> ids) {
        NoticeVisibility visibility = access.visibility();
        return queries.byIds(ids.stream().map(Ids::parseOrZero).toList()).map(visibility::filterAll);
    }

    public Uni<List<List<Designation>>> designations(@Source List<Notice> notices, String district,
                                                     @Description("A level code, e.g. HIGH") String level) {
        return queries.designationsOf(notices.stream().map(Notice::numericId).toList(), district, level);
    }

    @Description("Number of designations per district and level, as listed")
    public Uni<List<List<DistrictCount>>> countsByDistrict(@Source List<Notice> notices) {
        return queries.countsOf(notices.stream().map(Notice::numericId).toList());
    }

    @Description("The earlier notice this one updates or cancels")
    public Uni<Notice> references(@Source Notice notice) {
        NoticeVisibility visibility = access.visibility();
        return notice.referencesId() == null ? Uni.createFrom().nullItem()
                : queries.byId(notice.referencesId()).map(visibility::filter);
    }

    @Description("The later notice that updated or cancelled this one")
    public Uni<Notice> supersededBy(@Source Notice notice) {
        NoticeVisibility visibility = access.visibility();
        return notice.supersededById() == null ? Uni.createFrom().nullItem()
                : queries.byId(notice.supersededById()).map(visibility::filter);
    }

    public Uni<List<RiskLevel>> level(@Source List<Designation> designations) {
        return levels.byCode().map(known -> designations.stream().map(d -> known.get(d.levelCode())).toList());
    }

    @Description("The areas this designation covers (several for a list of buildings)")
    public Uni<List<List<Area>>> areas(@Source List<Designation> designations) {
        NoticeVisibility visibility = access.visibility();
        return queries.targetsOf(designations.stream().map(d -> Long.parseLong(d.id())).toList(), false)
                .map(visibility::visibleAreasOfEach);
    }

    @Description("The areas exempted, e.g. C座1单元 of 翠竹小院(C座1单元除外)")
    public Uni<List<List<Area>>> exceptions(@Source List<Designation> designations) {
        NoticeVisibility visibility = access.visibility();
        return queries.targetsOf(designations.stream().map(d -> Long.parseLong(d.id())).toList(), true)
                .map(visibility::visibleAreasOfEach);
    }

    public Uni<List<Notice>> notice(@Source List<Designation> designations) {
        NoticeVisibility visibility = access.visibility();
        return queries.byIds(designations.stream().map(Designation::noticeId).toList()).map(visibility::filterAll);
    }
}
