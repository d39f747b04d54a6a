package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("RosterApplication")
@Description("What applyRosterProposal did: the places now on the roster (also those applied before) and those"
        + " refused, each with the code of the rule it now breaks")
public record RosterApplication(@NonNull RosterProposal proposal, @NonNull List<@NonNull ProposedPlace> applied,
                                @NonNull List<@NonNull RefusedPlace> refused) {
}
