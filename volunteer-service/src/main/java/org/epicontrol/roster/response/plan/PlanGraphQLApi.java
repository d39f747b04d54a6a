package org.epicontrol.roster.response.plan;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.epicontrol.roster.access.RosterAccess;

import java.time.LocalDate;
import java.util.List;

@GraphQLApi
public class PlanGraphQLApi {

    private final ResponsePlans plans;
    private final RosterAccess access;

    public PlanGraphQLApi(ResponsePlans plans, RosterAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @Query("responsePlans")
    @Description("Versions of the response plans, oldest first: of one level or all; only the one in force on asOf if given")
    public Uni<List<ResponsePlan>> responsePlans(String level, LocalDate asOf) {
        return access.readPlans("responsePlans").chain(() -> plans.list(level, asOf));
    }

    @Mutation("setResponsePlan")
    @Description("A new version of a level's plan from a date (system administrators); the version in force then ends")
    public Uni<ResponsePlan> setResponsePlan(@NonNull ResponsePlanInput input) {
        return access.organise("setResponsePlan")
                .chain(permit -> plans.set(input, permit));
    }
}
