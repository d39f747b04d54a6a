package org.epicontrol.roster.post;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.List;

@GraphQLApi
public class PostGraphQLApi {

    private final DutyPosts posts;
    private final OrgUnits units;

    public PostGraphQLApi(DutyPosts posts, OrgUnits units) {
        this.posts = posts;
        this.units = units;
    }

    @Query("dutyPost")
    public Uni<DutyPost> dutyPost(@Id @NonNull String id) {
        return posts.byIds(List.of(Ids.parse(id))).map(list -> list.get(0));
    }

    @Mutation("createDutyPost")
    public Uni<DutyPost> createDutyPost(@NonNull DutyPostInput input) {
        return posts.create(input);
    }

    public Uni<List<List<DutyPost>>> dutyPosts(@Source List<Community> communities) {
        return posts.ofCommunities(communities.stream().map(c -> Long.parseLong(c.id())).toList());
    }

    public Uni<List<Community>> community(@Source List<DutyPost> list) {
        return units.byIds(list.stream().map(DutyPost::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Resolver
    public Uni<List<DutyPost>> dutyPostsByIds(@Name("id") List<String> ids) {
        return posts.byIds(ids.stream().map(Ids::parseOrZero).toList());
    }
}
