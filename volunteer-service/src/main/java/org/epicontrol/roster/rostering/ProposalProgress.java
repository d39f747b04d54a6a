package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RosterProposalProgress")
public record ProposalProgress(@Id @NonNull String proposalId, @NonNull ProposalStatus status, String score,
                               @NonNull int placesTotal, @NonNull int placesFilled) {

    static ProposalProgress of(RosterProposal p) {
        return new ProposalProgress(p.id(), p.status(), p.score(), p.placesTotal(), p.placesFilled());
    }
}
