package org.epicontrol.roster.shift;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.shift.Assignment.AssignmentSource;

import java.time.OffsetDateTime;
import java.util.List;

@GraphQLApi
public class ShiftGraphQLApi {

    private final Shifts shifts;
    private final Roster roster;
    private final Swaps swaps;
    private final Assignments assignments;
    private final DutyPosts posts;
    private final Volunteers volunteers;

    public ShiftGraphQLApi(Shifts shifts, Roster roster, Swaps swaps, Assignments assignments, DutyPosts posts,
                           Volunteers volunteers) {
        this.shifts = shifts;
        this.roster = roster;
        this.swaps = swaps;
        this.assignments = assignments;
        this.posts = posts;
        this.volunteers = volunteers;
    }

    @Query("shift")
    public Uni<Shift> shift(@Id @NonNull String id) {
        return shifts.byIds(List.of(Ids.parse(id))).map(list -> list.get(0));
    }

    @Mutation("generateShifts")
    @Description("Creates a post's shifts from a 24 h rotation; all or nothing")
    public Uni<List<Shift>> generateShifts(@NonNull RotationInput rotation) {
        return shifts.generate(rotation);
    }

    @Mutation("createShift")
    public Uni<Shift> createShift(@Id @NonNull String postId, @NonNull OffsetDateTime startsAt,
                                  @NonNull OffsetDateTime endsAt, Integer requiredHeadcount) {
        return shifts.create(Ids.parse(postId), startsAt, endsAt, requiredHeadcount);
    }

    @Mutation("cancelShift")
    public Uni<Shift> cancelShift(@Id @NonNull String shiftId, @NonNull String reason) {
        return shifts.cancel(Ids.parse(shiftId), reason);
    }

    @Mutation("signUp")
    @Description("A volunteer takes a place on a shift")
    public Uni<Assignment> signUp(@Id @NonNull String shiftId, @Id @NonNull String volunteerId) {
        return roster.enlist(Ids.parse(shiftId), Ids.parse(volunteerId), AssignmentSource.SIGN_UP);
    }

    @Mutation("assignVolunteer")
    @Description("A coordinator puts a volunteer on a shift; the same rules apply")
    public Uni<Assignment> assignVolunteer(@Id @NonNull String shiftId, @Id @NonNull String volunteerId) {
        return roster.enlist(Ids.parse(shiftId), Ids.parse(volunteerId), AssignmentSource.ASSIGNED);
    }

    @Mutation("cancelAssignment")
    public Uni<Assignment> cancelAssignment(@Id @NonNull String assignmentId, @NonNull String reason) {
        return roster.cancel(Ids.parse(assignmentId), reason);
    }

    @Mutation("proposeSwap")
    @Description("Offers my shift to a colleague (hand-over), or an exchange for one of theirs (toAssignmentId)")
    public Uni<SwapRequest> proposeSwap(@Id @NonNull String assignmentId, @Id @NonNull String toVolunteerId,
                                        @Id String toAssignmentId, String reason) {
        return swaps.propose(Ids.parse(assignmentId), Ids.parse(toVolunteerId),
                toAssignmentId == null ? null : Ids.parse(toAssignmentId), reason);
    }

    @Mutation("acceptSwap")
    public Uni<SwapRequest> acceptSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        return swaps.accept(Ids.parse(swapId), Ids.parse(volunteerId));
    }

    @Mutation("declineSwap")
    public Uni<SwapRequest> declineSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        return swaps.decline(Ids.parse(swapId), Ids.parse(volunteerId));
    }

    @Mutation("withdrawSwap")
    public Uni<SwapRequest> withdrawSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        return swaps.withdraw(Ids.parse(swapId), Ids.parse(volunteerId));
    }

    public Uni<List<List<Shift>>> shifts(@Source List<DutyPost> list, @NonNull OffsetDateTime from,
                                         @NonNull OffsetDateTime to) {
        return shifts.ofPosts(list.stream().map(DutyPost::numericId).toList(), from, to);
    }

    public Uni<List<DutyPost>> post(@Source List<Shift> list) {
        return posts.byIds(list.stream().map(Shift::postId).toList());
    }

    @Description("The people on this shift")
    public Uni<List<List<Assignment>>> assignments(@Source List<Shift> list) {
        return assignments.activeOnShifts(list.stream().map(Shift::numericId).toList());
    }

    @Name("shift")
    public Uni<List<Shift>> assignmentShift(@Source List<Assignment> list) {
        return shifts.byIds(list.stream().map(Assignment::shiftId).toList());
    }

    public Uni<List<Volunteer>> volunteer(@Source List<Assignment> list) {
        return volunteers.byIds(list.stream().map(Assignment::volunteerId).toList());
    }

    public Uni<List<Assignment>> fromAssignment(@Source List<SwapRequest> list) {
        return assignments.byIds(list.stream().map(SwapRequest::fromAssignmentId).toList());
    }

    public Uni<List<Volunteer>> toVolunteer(@Source List<SwapRequest> list) {
        return volunteers.byIds(list.stream().map(SwapRequest::toVolunteerId).toList());
    }

    @Resolver
    public Uni<List<Shift>> shiftsByIds(@Name("id") List<String> ids) {
        return shifts.byIds(ids.stream().map(Ids::parseOrZero).toList());
    }
}
