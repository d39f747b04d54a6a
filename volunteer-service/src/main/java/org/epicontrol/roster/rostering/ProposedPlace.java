package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.rostering.solver.OpenReason;

@Type("ProposedPlace")
@Description("One open place of a proposal: who the solver puts there (shift and volunteer), or why it stays open")
public record ProposedPlace(
        @Id @NonNull @Description("The place's number in its proposal (applyRosterProposal's placeIds)") String placeId,
        @Description("Why nobody is proposed; null when somebody is") OpenReason openReason,
        @Id @Description("The assignment made when the place was applied") String assignmentId,
        @Ignore long shiftId,
        @Ignore Long volunteerId) {
}
