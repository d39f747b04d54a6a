package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;

@GraphQLApi
public class TestingGraphQLApi {

    private final TestingRounds rounds;
    private final RosterAccess access;

    public TestingGraphQLApi(TestingRounds rounds, RosterAccess access) {
        this.rounds = rounds;
        this.access = access;
    }

    @Mutation("completeTestingRound")
    @Description("Marks a scheduled testing round as carried out; the community's administrators")
    public Uni<TestingRound> completeTestingRound(@Id @NonNull String id) {
        long round = Ids.parse(id);
        return access.manage("completeTestingRound", Target.TESTING_ROUND, round)
                .chain(permit -> rounds.complete(round, permit));
    }
}
