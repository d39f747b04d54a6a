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
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.shift.Assignment.AssignmentSource;

import java.time.OffsetDateTime;
import java.util.List;

// Every field answering a post, shift, assignment or volunteer applies that type's rule (RosterAccess), whatever the
// object it hangs on: the object a query entered by proves nothing about what hangs below it.
@GraphQLApi
public class ShiftGraphQLApi {

    private final Shifts shifts;
    private final Roster roster;
    private final Swaps swaps;
    private final Assignments assignments;
    private final DutyPosts posts;
    private final Volunteers volunteers;
    private final RosterAccess access;

    public ShiftGraphQLApi(Shifts shifts, Roster roster, Swaps swaps, Assignments assignments, DutyPosts posts,
                           Volunteers volunteers, RosterAccess access) {
        this.shifts = shifts;
        this.roster = roster;
        this.swaps = swaps;
        this.assignments = assignments;
        this.posts = posts;
        this.volunteers = volunteers;
        this.access = access;
    }

    @Query("shift")
    public Uni<Shift> shift(@Id @NonNull String id) {
        long shiftId = Ids.parse(id);
        return access.readObject("shift", Target.SHIFT, shiftId)
                .chain(() -> shifts.byIds(List.of(shiftId)).map(list -> list.get(0)));
    }

    @Mutation("generateShifts")
    @Description("Creates a post's shifts from a 24 h rotation; all or nothing")
    public Uni<List<Shift>> generateShifts(@NonNull RotationInput rotation) {
        return access.manage("generateShifts", Target.POST, Ids.parse(rotation.postId()))
                .chain(permit -> shifts.generate(rotation, permit));
    }

    @Mutation("createShift")
    public Uni<Shift> createShift(@Id @NonNull String postId, @NonNull OffsetDateTime startsAt,
                                  @NonNull OffsetDateTime endsAt, Integer requiredHeadcount) {
        long post = Ids.parse(postId);
        return access.manage("createShift", Target.POST, post)
                .chain(permit -> shifts.create(post, startsAt, endsAt, requiredHeadcount, permit));
    }

    @Mutation("cancelShift")
    public Uni<Shift> cancelShift(@Id @NonNull String shiftId, @NonNull String reason) {
        long shift = Ids.parse(shiftId);
        return access.manage("cancelShift", Target.SHIFT, shift)
                .chain(permit -> shifts.cancel(shift, reason, permit));
    }

    @Mutation("signUp")
    @Description("A volunteer takes a place on a shift: himself, or his community's administrator for him")
    public Uni<Assignment> signUp(@Id @NonNull String shiftId, @Id @NonNull String volunteerId) {
        long shift = Ids.parse(shiftId);
        long volunteer = Ids.parse(volunteerId);
        return access.actFor("signUp", Target.SHIFT, shift, volunteer)
                .chain(permit -> roster.enlist(shift, volunteer, AssignmentSource.SIGN_UP, permit));
    }

    @Mutation("assignVolunteer")
    @Description("A coordinator puts a volunteer on a shift; the same rules apply")
    public Uni<Assignment> assignVolunteer(@Id @NonNull String shiftId, @Id @NonNull String volunteerId) {
        long shift = Ids.parse(shiftId);
        long volunteer = Ids.parse(volunteerId);
        return access.manage("assignVolunteer", Target.SHIFT, shift)
                .map(permit -> permit.and(Target.VOLUNTEER, volunteer, AccessRules::mayManage))
                .chain(permit -> roster.enlist(shift, volunteer, AssignmentSource.ASSIGNED, permit));
    }

    @Mutation("cancelAssignment")
    public Uni<Assignment> cancelAssignment(@Id @NonNull String assignmentId, @NonNull String reason) {
        long assignment = Ids.parse(assignmentId);
        return access.manage("cancelAssignment", Target.ASSIGNMENT, assignment)
                .chain(permit -> roster.cancel(assignment, reason, permit));
    }

    @Mutation("proposeSwap")
    @Description("Offers my shift to a colleague (hand-over), or an exchange for one of theirs (toAssignmentId)")
    public Uni<SwapRequest> proposeSwap(@Id @NonNull String assignmentId, @Id @NonNull String toVolunteerId,
                                        @Id String toAssignmentId, String reason) {
        long assignment = Ids.parse(assignmentId);
        long to = Ids.parse(toVolunteerId);
        Long toAssignment = toAssignmentId == null ? null : Ids.parse(toAssignmentId);
        return access.manageOrOwn("proposeSwap", Target.ASSIGNMENT, assignment)
                .map(permit -> permit.and(Target.VOLUNTEER, to, AccessRules::mayTakePartIn))
                .map(permit -> toAssignment == null ? permit
                        : permit.and(Target.ASSIGNMENT, toAssignment, AccessRules::mayTakePartIn))
                .chain(permit -> swaps.propose(assignment, to, toAssignment, reason, permit));
    }

    @Mutation("acceptSwap")
    public Uni<SwapRequest> acceptSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        long swap = Ids.parse(swapId);
        long volunteer = Ids.parse(volunteerId);
        return access.actFor("acceptSwap", Target.SWAP, swap, volunteer)
                .chain(permit -> swaps.accept(swap, volunteer, permit));
    }

    @Mutation("declineSwap")
    public Uni<SwapRequest> declineSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        long swap = Ids.parse(swapId);
        long volunteer = Ids.parse(volunteerId);
        return access.actFor("declineSwap", Target.SWAP, swap, volunteer)
                .chain(permit -> swaps.decline(swap, volunteer, permit));
    }

    @Mutation("withdrawSwap")
    public Uni<SwapRequest> withdrawSwap(@Id @NonNull String swapId, @Id @NonNull String volunteerId) {
        long swap = Ids.parse(swapId);
        long volunteer = Ids.parse(volunteerId);
        return access.actFor("withdrawSwap", Target.SWAP, swap, volunteer)
                .chain(permit -> swaps.withdraw(swap, volunteer, permit));
    }

    public Uni<List<List<Shift>>> shifts(@Source List<DutyPost> list, @NonNull OffsetDateTime from,
                                         @NonNull OffsetDateTime to) {
        return shifts.ofPosts(list.stream().map(DutyPost::numericId).toList(), from, to)
                .chain(found -> access.visibleLists("DutyPost.shifts", Target.SHIFT, found, Shift::numericId));
    }

    public Uni<List<DutyPost>> post(@Source List<Shift> list) {
        return posts.byIds(list.stream().map(Shift::postId).toList())
                .chain(found -> access.visible("Shift.post", Target.POST, found, DutyPost::numericId));
    }

    @Description("The people on this shift")
    public Uni<List<List<Assignment>>> assignments(@Source List<Shift> list) {
        return assignments.activeOnShifts(list.stream().map(Shift::numericId).toList())
                .chain(found -> access.visibleLists("Shift.assignments", Target.ASSIGNMENT, found, Assignment::numericId));
    }

    @Name("shift")
    public Uni<List<Shift>> assignmentShift(@Source List<Assignment> list) {
        return shifts.byIds(list.stream().map(Assignment::shiftId).toList())
                .chain(found -> access.visible("Assignment.shift", Target.SHIFT, found, Shift::numericId));
    }

    public Uni<List<Volunteer>> volunteer(@Source List<Assignment> list) {
        return volunteers.byIds(list.stream().map(Assignment::volunteerId).toList())
                .chain(found -> access.visible("Assignment.volunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }

    public Uni<List<Assignment>> fromAssignment(@Source List<SwapRequest> list) {
        return assignments.byIds(list.stream().map(SwapRequest::fromAssignmentId).toList())
                .chain(found -> access.visible("SwapRequest.fromAssignment", Target.ASSIGNMENT, found,
                        Assignment::numericId));
    }

    @Description("The colleague's shift offered in exchange; null for a hand-over")
    public Uni<List<Assignment>> toAssignment(@Source List<SwapRequest> list) {
        return assignments.byIds(list.stream().map(w -> w.toAssignmentId() == null ? 0L : w.toAssignmentId()).toList())
                .chain(found -> access.visible("SwapRequest.toAssignment", Target.ASSIGNMENT, found,
                        Assignment::numericId));
    }

    public Uni<List<Volunteer>> toVolunteer(@Source List<SwapRequest> list) {
        return volunteers.byIds(list.stream().map(SwapRequest::toVolunteerId).toList())
                .chain(found -> access.visible("SwapRequest.toVolunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }

    @Resolver
    public Uni<List<Shift>> shiftsByIds(@Name("id") List<String> ids) {
        List<Long> keys = ids.stream().map(Ids::parseOrZero).toList();
        return shifts.byIds(keys).chain(found -> access.visibleAll("_entities(Shift)", Target.SHIFT, found, Shift::numericId));
    }
}
