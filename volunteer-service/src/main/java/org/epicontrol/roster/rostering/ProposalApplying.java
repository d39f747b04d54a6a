package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.shift.Roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * applyRosterProposal: each place in a transaction of its own, through the same rules as {@code assignVolunteer}
 * ({@link Roster#assignWithin}), with the place's row locked first: a place made stale meanwhile is refused alone with
 * its rule's code, and a place applied before (also concurrently) is answered as applied, never booked twice.
 */
@ApplicationScoped
public class ProposalApplying {

    private final Pool pool;
    private final Proposals proposals;
    private final Roster roster;
    private final RosterAccess access;
    private final AuditTrail audit;

    public ProposalApplying(Pool pool, Proposals proposals, Roster roster, RosterAccess access, AuditTrail audit) {
        this.pool = pool;
        this.proposals = proposals;
        this.roster = roster;
        this.access = access;
        this.audit = audit;
    }

    /** {@code placeNos} null: every place with somebody proposed. */
    public Uni<RosterApplication> apply(long proposalId, List<Integer> placeNos, Permit permit) {
        // the proposal's own check first: an outsider is refused as a whole, not place by place
        return permit.transaction(pool, (tx, actor) -> Uni.createFrom().voidItem())
                .chain(() -> proposals.byId(proposalId))
                .chain(proposal -> {
                    if (proposal.status() != ProposalStatus.DONE) {
                        throw new DomainException("PROPOSAL_NOT_READY", "proposal " + proposalId + " is "
                                + proposal.status() + "; it can be applied once DONE");
                    }
                    return proposals.places(List.of(proposalId)).map(lists -> chosen(proposalId, lists.get(0), placeNos));
                })
                .chain(places -> Multi.createFrom().iterable(places)
                        .onItem().transformToUniAndConcatenate(place -> applyOne(proposalId, place, permit))
                        .collect().asList())
                .chain(outcomes -> proposals.byId(proposalId).map(proposal -> {
                    List<ProposedPlace> applied = new ArrayList<>();
                    List<RefusedPlace> refused = new ArrayList<>();
                    for (Object o : outcomes) {
                        if (o instanceof ProposedPlace p) {
                            applied.add(p);
                        } else {
                            refused.add((RefusedPlace) o);
                        }
                    }
                    return new RosterApplication(proposal, applied, refused);
                }));
    }

    /**
     * The places to apply, moves first: a person a move lets go may be proposed for an open place elsewhere, never the
     * other way round (an open place's person is nobody's yet).
     */
    private static List<ProposedPlace> chosen(long proposalId, List<ProposedPlace> all, List<Integer> placeNos) {
        return movesFirst(named(proposalId, all, placeNos));
    }

    private static List<ProposedPlace> movesFirst(List<ProposedPlace> places) {
        List<ProposedPlace> ordered = new ArrayList<>(places.stream().filter(ProposedPlace::move).toList());
        places.stream().filter(p -> !p.move()).forEach(ordered::add);
        return ordered;
    }

    private static List<ProposedPlace> named(long proposalId, List<ProposedPlace> all, List<Integer> placeNos) {
        if (placeNos == null) {
            return all.stream().filter(p -> p.volunteerId() != null).toList();
        }
        Map<String, ProposedPlace> byNo = new HashMap<>();
        all.forEach(p -> byNo.put(p.placeId(), p));
        Set<Integer> distinct = new LinkedHashSet<>(placeNos);
        List<ProposedPlace> chosen = new ArrayList<>();
        for (Integer no : distinct) {
            ProposedPlace place = byNo.get(String.valueOf(no));
            if (place == null) {
                throw DomainException.notFound("place of roster proposal " + proposalId, no);
            }
            chosen.add(place);
        }
        return chosen;
    }

    /** Answers the place applied, or a RefusedPlace. */
    private Uni<Object> applyOne(long proposalId, ProposedPlace place, Permit permit) {
        if (place.volunteerId() == null) {
            return Uni.createFrom().item(new RefusedPlace(place.placeId(), "PLACE_OPEN",
                    "nobody is proposed for place " + place.placeId() + ": " + place.openReason()));
        }
        int no = Integer.parseInt(place.placeId());
        Permit forPlace = permit.and(Target.SHIFT, place.shiftId(), AccessRules::mayManage)
                .and(Target.VOLUNTEER, place.volunteerId(), AccessRules::mayManage);
        if (place.move()) {
            forPlace = forPlace.and(Target.ASSIGNMENT, place.movesAssignmentId(), AccessRules::mayManage);
        }
        Uni<Object> applied = forPlace.transaction(pool, (tx, actor) -> proposals.lockPlace(tx, proposalId, no)
                .chain(locked -> {
                    if (locked.assignmentId() != null) {
                        return Uni.createFrom().item((Object) locked);
                    }
                    Map<String, Object> details = new HashMap<>();
                    details.put("shiftId", locked.shiftId());
                    details.put("volunteerId", locked.volunteerId());
                    details.put("rosterProposalId", proposalId);
                    details.put("placeId", no);
                    return leave(tx, actor, proposalId, locked)
                            .chain(() -> roster.assignWithin(tx, locked.shiftId(), locked.volunteerId()))
                            .call(a -> proposals.applied(tx, proposalId, no, a.numericId()))
                            .call(a -> audit.record(tx, actor, "ASSIGN", "Assignment", a.id(), details))
                            .map(a -> (Object) locked.applied(a.id()));
                }));
        return applied.onFailure(DomainException.class).recoverWithItem(e -> {
            DomainException refusal = (DomainException) e;
            return new RefusedPlace(place.placeId(), refusal.code(), refusal.getMessage());
        });
    }

    /**
     * A move's first half, in the move's transaction: the assignment it replaces ends (cancelAssignment's rule,
     * audited as CANCEL_ASSIGNMENT); if the newcomer is then refused, the transaction rolls back and the person
     * who was to leave stays. Nothing for an open place.
     */
    private Uni<Void> leave(SqlClient tx, Actor actor, long proposalId, ProposedPlace place) {
        if (!place.move()) {
            return Uni.createFrom().voidItem();
        }
        long moved = place.movesAssignmentId();
        String reason = "moved by roster proposal " + proposalId;
        return roster.cancelWithin(tx, moved, reason).chain(ended -> {
            if (ended.shiftId() != place.shiftId()) {
                throw new DomainException("ASSIGNMENT_NOT_ON_SHIFT", "assignment " + moved + " is not on shift "
                        + place.shiftId());
            }
            return audit.record(tx, actor, "CANCEL_ASSIGNMENT", "Assignment", moved, Map.of("shiftId", ended.shiftId(),
                    "volunteerId", ended.volunteerId(), "reason", reason, "rosterProposalId", proposalId));
        }).replaceWithVoid();
    }
}
