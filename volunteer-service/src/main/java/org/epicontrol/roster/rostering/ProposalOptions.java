package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("RosterProposalOptions")
public record ProposalOptions(
        @Description("Seconds the solver may take (rostering.max-time-budget at most)") Integer timeBudgetSeconds,
        @Description("Only these posts of the community (ids; a list of ID does not coerce in SmallRye GraphQL 2.17)") List<String> postIds,
        @Id @Description("Only the posts a field response of the community opened") String responseId,
        @Description("People already on the shifts being planned may be moved off them where somebody else serves"
                + " fairness or preference better (each move is a place of its own, reviewed and applied like any);"
                + " default false: they stay") Boolean allowMoves) {

    public boolean movesAllowed() {
        return Boolean.TRUE.equals(allowMoves);
    }
}
