package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("RosterProposal")
@Description("A roster proposed by the solver for a community's open places (issue 16): its progress, then its places")
public record RosterProposal(
        @Id @NonNull String id,
        @Id @NonNull String communityId,
        @NonNull OffsetDateTime from,
        @NonNull OffsetDateTime to,
        @Id @Description("The response whose posts it was asked for") String responseId,
        @NonNull ProposalStatus status,
        @Description("The best score so far, hard/medium/soft (0hard: no rule broken; medium: minus the places open)") String score,
        @NonNull int placesTotal,
        @NonNull int placesFilled,
        String failure,
        @NonNull String createdBy,
        @NonNull OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        @NonNull @Description("Whether the caller allowed moves of people already assigned") boolean allowMoves,
        @NonNull @Description("Places that are moves (also counted in none of placesTotal/placesFilled)") int placesMoved) {

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
