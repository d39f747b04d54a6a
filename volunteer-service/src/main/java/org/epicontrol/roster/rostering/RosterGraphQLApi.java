package org.epicontrol.roster.rostering;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;
import org.epicontrol.roster.shift.Shift;
import org.epicontrol.roster.shift.Shifts;

import java.time.OffsetDateTime;
import java.util.List;

// A proposal belongs to its community: proposing and applying are its administrators' (AccessRules.mayManage), reading
// it its staff's (mayReadStaffing, Target.ROSTER_PROPOSAL); each shift and volunteer of its places passes its own rule.
@GraphQLApi
public class RosterGraphQLApi {

    private final RosterProposing proposing;
    private final ProposalApplying applying;
    private final Proposals proposals;
    private final ProposalEvents events;
    private final Shifts shifts;
    private final Volunteers volunteers;
    private final RosterAccess access;
    private final RosteringConfig config;

    public RosterGraphQLApi(RosterProposing proposing, ProposalApplying applying, Proposals proposals,
                            ProposalEvents events, Shifts shifts, Volunteers volunteers, RosterAccess access,
                            RosteringConfig config) {
        this.proposing = proposing;
        this.applying = applying;
        this.proposals = proposals;
        this.events = events;
        this.shifts = shifts;
        this.volunteers = volunteers;
        this.access = access;
        this.config = config;
    }

    @Mutation("proposeRoster")
    @Description("Asks the solver for a roster of the community's open places in the window; answers at once, the"
            + " proposal is solved in the background (rosterProposal, rosterProposalProgress)")
    public Uni<RosterProposal> proposeRoster(@Id @NonNull String communityId, @NonNull OffsetDateTime from,
                                             @NonNull OffsetDateTime to, ProposalOptions options) {
        long community = Ids.parse(communityId);
        ProposalOptions o = options == null ? new ProposalOptions(null, null, null, null) : options;
        Long[] posts = o.postIds() == null ? new Long[0] : o.postIds().stream().map(Ids::parse).toArray(Long[]::new);
        Long response = o.responseId() == null ? null : Ids.parse(o.responseId());
        RosterProposing.Request request = proposing.check(community, from, to, o.timeBudgetSeconds(), posts, response,
                o.movesAllowed());
        return access.manage("proposeRoster", Target.UNIT, community)
                .chain(permit -> proposing.propose(request, permit));
    }

    @Query("rosterProposal")
    public Uni<RosterProposal> rosterProposal(@Id @NonNull String id) {
        long proposal = Ids.parse(id);
        return access.readStaffing("rosterProposal", Target.ROSTER_PROPOSAL, proposal)
                .chain(() -> proposals.byId(proposal));
    }

    @Mutation("applyRosterProposal")
    @Description("Puts a proposal's people on their shifts, all places or those named; each under assignVolunteer's"
            + " rules in a transaction of its own; applying a place again books nobody twice")
    public Uni<RosterApplication> applyRosterProposal(@Id @NonNull String id, List<String> placeIds) {
        long proposal = Ids.parse(id);
        List<Integer> places = placeIds == null ? null : placeIds.stream().filter(java.util.Objects::nonNull).map(p -> Math.toIntExact(Ids.parse(p))).toList();
        return access.manage("applyRosterProposal", Target.ROSTER_PROPOSAL, proposal)
                .chain(permit -> applying.apply(proposal, places, permit));
    }

    @Subscription("rosterProposalProgress")
    @Description("A proposal's progress while it is solved (best score, places filled), ending with its final state")
    public Multi<ProposalProgress> rosterProposalProgress(@Id @NonNull String id) {
        long proposal = Ids.parse(id);
        Uni<RosterProposal> now = access.readStaffing("rosterProposalProgress", Target.ROSTER_PROPOSAL, proposal)
                .chain(() -> proposals.byId(proposal)).memoize().indefinitely();
        return Multi.createFrom().uni(now).onItem().transformToMultiAndConcatenate(p -> {
            if (p.status().finished()) {
                return Multi.createFrom().item(ProposalProgress.of(p));
            }
            // live events until the final one (solved here) or the longest budget has passed (solved elsewhere), then
            // the stored state
            Multi<ProposalProgress> live = events.of(proposal)
                    .select().first(e -> !e.status().finished())
                    .ifNoItem().after(config.maxTimeBudget().plusSeconds(30)).recoverWithCompletion();
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(ProposalProgress.of(p)), live,
                    Multi.createFrom().uni(Uni.createFrom().deferred(() -> proposals.byId(proposal).map(ProposalProgress::of))));
        });
    }

    @Description("The open places of the proposal, in order, once it is DONE")
    public Uni<List<List<ProposedPlace>>> places(@Source List<RosterProposal> list) {
        return proposals.places(list.stream().map(RosterProposal::numericId).toList());
    }

    public Uni<List<Shift>> shift(@Source List<ProposedPlace> list) {
        return shifts.byIds(list.stream().map(ProposedPlace::shiftId).toList())
                .chain(found -> access.visible("ProposedPlace.shift", Target.SHIFT, found, Shift::numericId));
    }

    @Description("Who the solver puts on the place; null when it stays open")
    public Uni<List<Volunteer>> volunteer(@Source List<ProposedPlace> list) {
        return volunteers.byIds(list.stream().map(p -> p.volunteerId() == null ? 0L : p.volunteerId()).toList())
                .chain(found -> access.visible("ProposedPlace.volunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }

    @Description("A move: who leaves the shift (the person of the assignment it ends); null for an open place")
    public Uni<List<Volunteer>> leaving(@Source List<ProposedPlace> list) {
        return volunteers.byIds(list.stream().map(p -> p.leavingVolunteerId() == null ? 0L : p.leavingVolunteerId()).toList())
                .chain(found -> access.visible("ProposedPlace.leaving", Target.VOLUNTEER, found, Volunteer::numericId));
    }
}
