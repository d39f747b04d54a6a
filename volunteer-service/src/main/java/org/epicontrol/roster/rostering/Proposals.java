package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.rostering.solver.OpenReason;
import org.epicontrol.roster.rostering.solver.Place;
import org.epicontrol.roster.rostering.solver.RosterPlan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stored proposals and their places (SQL): created, followed, finished, read, and a place locked to apply it. */
@ApplicationScoped
public class Proposals {

    private static final String COLUMNS = "id, community_id, window_from, window_to, response_id, status, score,"
            + " places_total, places_filled, failure, created_by, created_at, finished_at, allow_moves, places_moved";
    /** A place and, for a move, the person leaving (the moved assignment's). */
    private static final String PLACE_COLUMNS = "pp.proposal_id, pp.place_no, pp.shift_id, pp.volunteer_id, pp.open_reason,"
            + " pp.assignment_id, pp.moves_assignment_id, (select a.volunteer_id from assignment a"
            + " where a.id = pp.moves_assignment_id) as leaving_volunteer_id";

    private final Pool pool;

    public Proposals(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> create(SqlClient tx, long communityId, OffsetDateTime from, OffsetDateTime to, Long responseId,
                            Long[] postIds, long budgetMs, int total, boolean allowMoves, String createdBy) {
        return tx.preparedQuery("insert into roster_proposal (community_id, window_from, window_to, response_id, post_ids,"
                        + " time_budget_ms, places_total, allow_moves, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " returning id")
                .execute(Tuple.from(java.util.Arrays.asList(communityId, from, to, responseId,
                        postIds, (int) budgetMs, total, allowMoves, createdBy)))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Proposals not finished (of every community): bounded by rostering.max-pending. */
    public Uni<Long> pending(SqlClient tx) {
        return tx.preparedQuery("select count(*) as n from roster_proposal where status in ('QUEUED', 'SOLVING')")
                .execute().map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<Void> progress(long id, String score, long filled) {
        return pool.preparedQuery("update roster_proposal set status = 'SOLVING', score = $2, places_filled = $3"
                        + " where id = $1 and status in ('QUEUED', 'SOLVING')")
                .execute(Tuple.of(id, score, (int) filled)).replaceWithVoid();
    }

    /**
     * Stores the reviewed plan: its open places, whom each gets or why it stays open, then its moves (who comes in
     * place of which assignment), and the figures. A held place left with its holder is not stored: nothing changes.
     */
    public Uni<Void> finish(long id, RosterPlan plan, Map<Integer, OpenReason> reasons) {
        List<Tuple> rows = new ArrayList<>();
        int no = 0;
        for (Place p : plan.getPlaces()) {
            if (p.isOpenSlot()) {
                OpenReason reason = reasons.get(p.getNo());
                rows.add(Tuple.from(java.util.Arrays.asList(id, ++no, p.getShiftId(),
                        p.getPerson() == null ? null : p.getPerson().id(), reason == null ? null : reason.name(), null)));
            }
        }
        for (Place p : plan.getPlaces()) {
            if (p.isMove()) {
                rows.add(Tuple.from(java.util.Arrays.asList(id, ++no, p.getShiftId(), p.getPerson().id(), null,
                        p.getHeldAssignmentId())));
            }
        }
        String score = plan.getScore() == null ? null : plan.getScore().toString();
        return pool.withTransaction(tx -> (rows.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into roster_proposal_place (proposal_id, place_no, shift_id,"
                                + " volunteer_id, open_reason, moves_assignment_id) values ($1, $2, $3, $4, $5, $6)")
                        .executeBatch(rows).replaceWithVoid())
                .chain(() -> tx.preparedQuery("update roster_proposal set status = 'DONE', score = $2, places_total = $3,"
                                + " places_filled = $4, places_moved = $5, finished_at = now() where id = $1")
                        .execute(Tuple.of(id, score, (int) plan.total(), (int) plan.filled(), (int) plan.moves())))
                .replaceWithVoid());
    }

    public Uni<Void> fail(long id, String reason) {
        return pool.preparedQuery("update roster_proposal set status = 'FAILED', failure = $2, finished_at = now()"
                        + " where id = $1 and status in ('QUEUED', 'SOLVING')")
                .execute(Tuple.of(id, reason.length() > 500 ? reason.substring(0, 500) : reason)).replaceWithVoid();
    }

    public Uni<RosterProposal> byId(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from roster_proposal where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("roster proposal", id);
                    }
                    return proposal(rows.iterator().next());
                });
    }

    /** The places of proposals, in order (batched by proposal). */
    public Uni<List<List<ProposedPlace>>> places(List<Long> proposalIds) {
        return pool.preparedQuery("select " + PLACE_COLUMNS + " from roster_proposal_place pp"
                        + " where pp.proposal_id = any($1) order by pp.proposal_id, pp.place_no")
                .execute(Tuple.of((Object) proposalIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<ProposedPlace>> found = new java.util.HashMap<>();
                    for (Row r : rows) {
                        found.computeIfAbsent(r.getLong("proposal_id"), k -> new ArrayList<>()).add(place(r));
                    }
                    return proposalIds.stream().map(id -> found.getOrDefault(id, List.of())).toList();
                });
    }

    /** Inside an apply's transaction: the place, its row locked until the transaction ends; null if none. */
    public Uni<ProposedPlace> lockPlace(SqlClient tx, long proposalId, int placeNo) {
        return tx.preparedQuery("select " + PLACE_COLUMNS + " from roster_proposal_place pp"
                        + " where pp.proposal_id = $1 and pp.place_no = $2 for update of pp")
                .execute(Tuple.of(proposalId, placeNo))
                .map(rows -> rows.size() == 0 ? null : place(rows.iterator().next()));
    }

    public Uni<Void> applied(SqlClient tx, long proposalId, int placeNo, long assignmentId) {
        return tx.preparedQuery("update roster_proposal_place set assignment_id = $3 where proposal_id = $1 and place_no = $2")
                .execute(Tuple.of(proposalId, placeNo, assignmentId)).replaceWithVoid();
    }

    private static ProposedPlace place(Row r) {
        String reason = r.getString("open_reason");
        Long assignment = r.getLong("assignment_id");
        return ProposedPlace.of(String.valueOf(r.getInteger("place_no")),
                reason == null ? null : OpenReason.valueOf(reason),
                assignment == null ? null : String.valueOf(assignment), r.getLong("shift_id"), r.getLong("volunteer_id"),
                r.getLong("moves_assignment_id"), r.getLong("leaving_volunteer_id"));
    }

    private static RosterProposal proposal(Row r) {
        Long response = r.getLong("response_id");
        return new RosterProposal(String.valueOf(r.getLong("id")), String.valueOf(r.getLong("community_id")),
                r.getOffsetDateTime("window_from"), r.getOffsetDateTime("window_to"),
                response == null ? null : String.valueOf(response), ProposalStatus.valueOf(r.getString("status")),
                r.getString("score"), r.getInteger("places_total"), r.getInteger("places_filled"), r.getString("failure"),
                r.getString("created_by"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("finished_at"),
                r.getBoolean("allow_moves"), r.getInteger("places_moved"));
    }
}
