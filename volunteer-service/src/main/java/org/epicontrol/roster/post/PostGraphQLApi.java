package org.epicontrol.roster.post;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.AreaLinks;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.List;

@GraphQLApi
public class PostGraphQLApi {

    private final DutyPosts posts;
    private final PostClosure closure;
    private final OrgUnits units;
    private final AreaLinks links;
    private final RosterAccess access;

    public PostGraphQLApi(DutyPosts posts, PostClosure closure, OrgUnits units, AreaLinks links,
                          RosterAccess access) {
        this.posts = posts;
        this.closure = closure;
        this.units = units;
        this.links = links;
        this.access = access;
    }

    @Query("dutyPost")
    public Uni<DutyPost> dutyPost(@Id @NonNull String id) {
        long post = Ids.parse(id);
        return access.readObject("dutyPost", Target.POST, post)
                .chain(() -> posts.byIds(List.of(post)).map(list -> list.get(0)));
    }

    @Mutation("createDutyPost")
    public Uni<DutyPost> createDutyPost(@NonNull DutyPostInput input) {
        return access.manage("createDutyPost", Target.UNIT, Ids.parse(input.communityId()))
                .chain(permit -> posts.create(input, permit));
    }

    @Mutation("updateDutyPost")
    @Description("Changes a post's name, headcount, kinds, skill, hours or start; the community's administrators")
    public Uni<DutyPost> updateDutyPost(@Id @NonNull String id, @NonNull DutyPostUpdate change) {
        long post = Ids.parse(id);
        return access.manage("updateDutyPost", Target.POST, post).chain(permit -> posts.update(post, change, permit));
    }

    @Mutation("closeDutyPost")
    @Description("Closes a post now: its shifts from now on are cancelled with the reason, coverage no longer counts it")
    public Uni<DutyPost> closeDutyPost(@Id @NonNull String id, @NonNull String reason) {
        long post = Ids.parse(id);
        return access.manage("closeDutyPost", Target.POST, post).chain(permit -> closure.close(post, reason, permit));
    }

    @Mutation("linkPostArea")
    @Description("Links a post to the notice-service Area it guards or serves: it then shows on every area inside it."
            + " Community admins link their community's posts, district officers those of their district")
    public Uni<DutyPost> linkPostArea(@Id @NonNull String postId, @Id @NonNull String areaId) {
        long post = Ids.parse(postId);
        String area = AreaLinks.checked(areaId);
        return access.linkArea("linkPostArea", Target.POST, post)
                .chain(permit -> links.link(AreaLinks.Linked.POST, post, area, permit))
                .chain(() -> posts.byId(post));
    }

    public Uni<List<List<DutyPost>>> dutyPosts(@Source List<Community> communities) {
        List<Long> ids = communities.stream().map(c -> Long.parseLong(c.id())).toList();
        return posts.ofCommunities(ids)
                .chain(found -> access.visibleLists("Community.dutyPosts", Target.POST, found, DutyPost::numericId));
    }

    public Uni<List<Community>> community(@Source List<DutyPost> list) {
        return units.byIds(list.stream().map(DutyPost::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Resolver
    public Uni<List<DutyPost>> dutyPostsByIds(@Name("id") List<String> ids) {
        List<Long> keys = ids.stream().map(Ids::parseOrZero).toList();
        return posts.byIds(keys)
                .chain(found -> access.visibleAll("_entities(DutyPost)", Target.POST, found, DutyPost::numericId));
    }
}
