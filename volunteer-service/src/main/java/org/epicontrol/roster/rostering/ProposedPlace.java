package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.rostering.solver.OpenReason;

@Type("ProposedPlace")
@Description("One place of a proposal: an open place and who the solver puts there (shift and volunteer), or why it"
        + " stays open; or a move (moves allowed): the person of an existing assignment leaves, the volunteer comes")
public record ProposedPlace(
        @Id @NonNull @Description("The place's number in its proposal (applyRosterProposal's placeIds)") String placeId,
        @Description("Why nobody is proposed; null when somebody is") OpenReason openReason,
        @Id @Description("The assignment made when the place was applied") String assignmentId,
        @Description("Whether the place is a move: `leaving` leaves the shift (their assignment `replacesAssignmentId`"
                + " ends), `volunteer` comes") @NonNull boolean move,
        @Id @Description("A move: the assignment it ends; null for an open place") String replacesAssignmentId,
        @Ignore long shiftId,
        @Ignore Long volunteerId,
        @Ignore Long leavingVolunteerId) {

    /** An open place (no move). */
    public static ProposedPlace open(String placeId, OpenReason openReason, String assignmentId, long shiftId,
                                     Long volunteerId) {
        return new ProposedPlace(placeId, openReason, assignmentId, false, null, shiftId, volunteerId, null);
    }

    /** A place as stored: a move when it names the assignment it ends. */
    public static ProposedPlace of(String placeId, OpenReason openReason, String assignmentId, long shiftId,
                                   Long volunteerId, Long movesAssignmentId, Long leavingVolunteerId) {
        return new ProposedPlace(placeId, openReason, assignmentId, movesAssignmentId != null,
                movesAssignmentId == null ? null : String.valueOf(movesAssignmentId), shiftId, volunteerId,
                leavingVolunteerId);
    }

    /** The same place, applied with this assignment. */
    public ProposedPlace applied(String assignment) {
        return new ProposedPlace(placeId, null, assignment, move, replacesAssignmentId, shiftId, volunteerId,
                leavingVolunteerId);
    }

    @Ignore
    public Long movesAssignmentId() {
        return replacesAssignmentId == null ? null : Long.valueOf(replacesAssignmentId);
    }
}
