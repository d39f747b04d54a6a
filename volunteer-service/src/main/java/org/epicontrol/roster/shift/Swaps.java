package org.epicontrol.roster.shift;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.shift.Assignment.AssignmentSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-over (a colleague takes my shift) and swap (we exchange shifts), both agreed by both sides: one proposes,
 * the other accepts. Acceptance re-checks every rule for both people and moves both assignments in one
 * transaction, so a shift is never left double- or un-assigned.
 */
@ApplicationScoped
public class Swaps {

    private static final String COLUMNS = "w.id, w.status, w.reason, w.from_assignment_id, w.to_volunteer_id, w.to_assignment_id,"
            + " w.created_at";

    private final Pool pool;
    private final Roster roster;
    private final AuditTrail audit;

    public Swaps(Pool pool, Roster roster, AuditTrail audit) {
        this.pool = pool;
        this.roster = roster;
        this.audit = audit;
    }

    public Uni<SwapRequest> propose(long fromAssignmentId, long toVolunteerId, Long toAssignmentId, String reason,
                                    Permit permit) {
        String sql = """
                insert into swap_request (from_assignment_id, to_volunteer_id, to_assignment_id, reason)
                select a.id, $2, $3, $4 from assignment a
                where a.id = $1 and a.status = 'ACTIVE' and a.volunteer_id <> $2
                  and ($3::bigint is null or exists (select 1 from assignment b
                        where b.id = $3 and b.volunteer_id = $2 and b.status = 'ACTIVE'))
                returning id""";
        Map<String, Object> details = new HashMap<>();
        details.put("fromAssignmentId", fromAssignmentId);
        details.put("toVolunteerId", toVolunteerId);
        details.put("toAssignmentId", toAssignmentId);
        details.put("reason", reason);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.of(fromAssignmentId, toVolunteerId, toAssignmentId, reason))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "PROPOSE_SWAP", "SwapRequest",
                                        rows.iterator().next().getLong("id"), details)))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("SWAP_PENDING", "assignment " + fromAssignmentId + " already has an open swap proposal"))
                .onFailure(e -> e instanceof PgException pg && "23503".equals(pg.getSqlState()))
                .transform(e -> DomainException.notFound("volunteer", toVolunteerId))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new DomainException("SWAP_NOT_POSSIBLE", "assignment " + fromAssignmentId
                                + " is not active, belongs to volunteer " + toVolunteerId
                                + (toAssignmentId == null ? "" : ", or assignment " + toAssignmentId + " is not an active one of theirs"));
                    }
                    return byId(rows.iterator().next().getLong("id"));
                });
    }

    /** Accepted by the colleague it was proposed to. */
    public Uni<SwapRequest> accept(long swapId, long acceptingVolunteerId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> lockProposal(tx, swapId, acceptingVolunteerId).chain(swap ->
                tx.preparedQuery("select id, shift_id, volunteer_id, status from assignment where id = any($1)")
                        .execute(Tuple.of((Object) ids(swap)))
                        .chain(rows -> {
                            Row from = null;
                            Row to = null;
                            for (Row r : rows) {
                                if (r.getLong("id") == swap.fromAssignmentId()) {
                                    from = r;
                                } else {
                                    to = r;
                                }
                            }
                            long giver = from.getLong("volunteer_id");
                            long fromShift = from.getLong("shift_id");
                            Long toShift = to == null ? null : to.getLong("shift_id");
                            return roster.lockVolunteers(tx, List.of(giver, acceptingVolunteerId))
                                    .call(() -> endAssignments(tx, ids(swap)))
                                    .call(people -> roster.enlist(tx, fromShift, people.get(acceptingVolunteerId),
                                            toShift == null ? AssignmentSource.HAND_OVER : AssignmentSource.SWAP, List.of()))
                                    .call(people -> toShift == null ? Uni.createFrom().nullItem()
                                            : roster.enlist(tx, toShift, people.get(giver), AssignmentSource.SWAP, List.of()))
                                    .chain(() -> tx.preparedQuery("update swap_request set status = 'ACCEPTED', decided_at = now() where id = $1")
                                            .execute(Tuple.of(swapId)))
                                    .chain(() -> audit.record(tx, actor, toShift == null ? "HAND_OVER" : "SWAP",
                                            "SwapRequest", swapId, swapDetails(giver, fromShift, acceptingVolunteerId, toShift)));
                        })))
                .chain(() -> byId(swapId));
    }

    public Uni<SwapRequest> decline(long swapId, long volunteerId, Permit permit) {
        return decide(swapId, "DECLINED", "to_volunteer_id = $2", volunteerId, permit);
    }

    public Uni<SwapRequest> withdraw(long swapId, long volunteerId, Permit permit) {
        return decide(swapId, "WITHDRAWN",
                "from_assignment_id in (select id from assignment where volunteer_id = $2)", volunteerId, permit);
    }

    private Uni<SwapRequest> decide(long swapId, String status, String who, long volunteerId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update swap_request set status = '" + status + "',"
                                + " decided_at = now() where id = $1 and status = 'PROPOSED' and " + who)
                        .execute(Tuple.of(swapId, volunteerId))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw new DomainException("SWAP_NOT_OPEN", "swap " + swapId
                                        + " is not an open proposal of or to volunteer " + volunteerId);
                            }
                            return audit.record(tx, actor, status.equals("DECLINED") ? "DECLINE_SWAP" : "WITHDRAW_SWAP",
                                    "SwapRequest", swapId, Map.of("volunteerId", volunteerId));
                        }))
                .chain(() -> byId(swapId));
    }

    private static Map<String, Object> swapDetails(long giver, long fromShift, long taker, Long toShift) {
        Map<String, Object> details = new HashMap<>();
        details.put("fromVolunteerId", giver);
        details.put("fromShiftId", fromShift);
        details.put("toVolunteerId", taker);
        details.put("toShiftId", toShift);
        return details;
    }

    private Uni<SwapRequest> lockProposal(SqlClient tx, long swapId, long acceptingVolunteerId) {
        return tx.preparedQuery("select " + COLUMNS + " from swap_request w where w.id = $1 for no key update")
                .execute(Tuple.of(swapId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("swap", swapId);
                    }
                    SwapRequest swap = map(rows.iterator().next());
                    if (swap.status() != SwapRequest.SwapStatus.PROPOSED) {
                        throw new DomainException("SWAP_NOT_OPEN", "swap " + swapId + " is " + swap.status());
                    }
                    if (swap.toVolunteerId() != acceptingVolunteerId) {
                        throw new DomainException("NOT_YOUR_SWAP", "swap " + swapId + " was proposed to volunteer "
                                + swap.toVolunteerId() + ", not " + acceptingVolunteerId);
                    }
                    return swap;
                });
    }

    /** Ends both assignments, refusing if either changed since the proposal. */
    private Uni<Void> endAssignments(SqlClient tx, Long[] assignmentIds) {
        return tx.preparedQuery("update assignment set status = 'HANDED_OVER', ended_reason = 'swap'"
                        + " where id = any($1) and status = 'ACTIVE'")
                .execute(Tuple.of((Object) assignmentIds))
                .invoke(rows -> {
                    if (rows.rowCount() != assignmentIds.length) {
                        throw new DomainException("SWAP_STALE", "an assignment of this swap has ended or moved since it was proposed");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<SwapRequest> byId(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from swap_request w where w.id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("swap", id);
                    }
                    return map(rows.iterator().next());
                });
    }

    /**
     * The open proposals a volunteer is part of: those addressed to them (to accept or decline) and those they made
     * (to withdraw), newest first.
     */
    public Uni<List<SwapRequest>> openOf(long volunteerId) {
        return pool.preparedQuery("select " + COLUMNS + " from swap_request w join assignment a on a.id = w.from_assignment_id"
                        + " where w.status = 'PROPOSED' and (w.to_volunteer_id = $1 or a.volunteer_id = $1)"
                        + " order by w.created_at desc, w.id desc")
                .execute(Tuple.of(volunteerId))
                .map(rows -> {
                    List<SwapRequest> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(map(row));
                    }
                    return list;
                });
    }

    private static Long[] ids(SwapRequest swap) {
        List<Long> ids = new ArrayList<>();
        ids.add(swap.fromAssignmentId());
        if (swap.toAssignmentId() != null) {
            ids.add(swap.toAssignmentId());
        }
        return ids.toArray(Long[]::new);
    }

    private static SwapRequest map(Row row) {
        return new SwapRequest(String.valueOf(row.getLong("id")), SwapRequest.SwapStatus.valueOf(row.getString("status")),
                row.getString("reason"), row.getOffsetDateTime("created_at"), row.getLong("from_assignment_id"),
                row.getLong("to_volunteer_id"),
                row.getLong("to_assignment_id"));
    }
}
