package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;

import java.util.List;

// Whether a post asks for a team: set by the administrators of the post's community (mayManage on the post, checked in
// the write's transaction); read with the post (anyone signed in, like the post's other settings).
@GraphQLApi
public class TeamPostGraphQLApi {

    private final TeamPosts teamPosts;
    private final DutyPosts posts;
    private final RosterAccess access;

    public TeamPostGraphQLApi(TeamPosts teamPosts, DutyPosts posts, RosterAccess access) {
        this.teamPosts = teamPosts;
        this.posts = posts;
        this.access = access;
    }

    @Mutation("setDutyPostAsksForTeam")
    @Description("Whether the post asks for a team: auto-rostering then prefers people who share a team (createTeam,"
            + " addTeamMember) on each of its shifts")
    public Uni<DutyPost> setDutyPostAsksForTeam(@Id @NonNull String postId, @NonNull boolean asksForTeam) {
        long post = Ids.parse(postId);
        return access.manage("setDutyPostAsksForTeam", Target.POST, post)
                .chain(permit -> teamPosts.set(post, asksForTeam, permit))
                .chain(() -> posts.byIds(List.of(post)).map(list -> list.get(0)));
    }

    @Description("Whether auto-rostering prefers people who share a team on each of its shifts")
    public Uni<List<Boolean>> asksForTeam(@Source List<DutyPost> list) {
        return teamPosts.asksForTeam(list.stream().map(DutyPost::numericId).toList());
    }
}
