package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Progress of the proposals this instance solves, to its live subscribers ({@code rosterProposalProgress}). A
 * subscriber connected to another replica gets the stored state when the stream ends (see RosterGraphQLApi).
 */
@ApplicationScoped
public class ProposalEvents {

    private final BroadcastProcessor<ProposalProgress> events = BroadcastProcessor.create();

    void tell(ProposalProgress progress) {
        events.onNext(progress);
    }

    Multi<ProposalProgress> of(long proposalId) {
        String id = String.valueOf(proposalId);
        return events.filter(p -> p.proposalId().equals(id));
    }
}
