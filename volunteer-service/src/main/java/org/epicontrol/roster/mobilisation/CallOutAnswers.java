package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.shift.Assignment;
import org.epicontrol.roster.shift.Roster;
import org.epicontrol.roster.shift.ShiftRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers to call-outs. One transaction per answer: the call-out must be open and the volunteer invited; the answer
 * row is locked (two answers of one person queue up) and set; on yes each named shift of the call becomes a sign-up
 * through the roster's own sign-up ({@link Roster#signUpWithin}: qualification, headcount, overlap, hours, rest),
 * each in a savepoint so that a refused shift is reported with its rule's code and the others are kept. Answering
 * again changes the answer; a later no does not cancel sign-ups already made (they are the roster's now: cancelled
 * there, by the administrators, like any other).
 */
@ApplicationScoped
public class CallOutAnswers {

    private static final String COLUMNS = "a.call_out_id, a.volunteer_id, a.invited_at, a.accepted, a.answered_at";

    private final Pool pool;
    private final Roster roster;
    private final AuditTrail audit;

    public CallOutAnswers(Pool pool, Roster roster, AuditTrail audit) {
        this.pool = pool;
        this.roster = roster;
        this.audit = audit;
    }

    private static CallOutAnswer map(Row row, List<RefusedShift> refused) {
        return new CallOutAnswer(row.getBoolean("accepted"), row.getOffsetDateTime("invited_at"),
                row.getOffsetDateTime("answered_at"), refused, row.getLong("call_out_id"), row.getLong("volunteer_id"));
    }

    public Uni<CallOutAnswer> answer(long callOutId, long volunteerId, boolean accept, List<Long> shiftIds, Permit permit) {
        List<Long> shifts = shiftIds == null ? List.of() : shiftIds.stream().distinct().sorted().toList();
        if (!accept && !shifts.isEmpty()) {
            throw DomainException.invalid("a no names no shifts");
        }
        List<RefusedShift> refused = new ArrayList<>();
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(
                                "select status, post_id, response_id, community_id, lower(during) as f, upper(during) as t"
                                        + " from call_out where id = $1 for share")
                        .execute(Tuple.of(callOutId))
                        .chain(calls -> {
                            if (calls.size() == 0) {
                                throw DomainException.notFound("call-out", callOutId);
                            }
                            Row call = calls.iterator().next();
                            if (!"OPEN".equals(call.getString("status"))) {
                                throw new DomainException("CALL_OUT_CLOSED", "call-out " + callOutId + " is closed");
                            }
                            return tx.preparedQuery("update call_out_answer set accepted = $3, answered_at = now(),"
                                            + " answered_by = $4 where call_out_id = $1 and volunteer_id = $2")
                                    .execute(Tuple.of(callOutId, volunteerId, accept, actor.username()))
                                    .chain(updated -> {
                                        if (updated.rowCount() == 0) {
                                            throw new DomainException("NOT_INVITED", "volunteer " + volunteerId
                                                    + " is not invited by call-out " + callOutId);
                                        }
                                        return shiftsOfCall(tx, call, callOutId, shifts);
                                    });
                        })
                        .chain(ofCall -> signUps(tx, actor, callOutId, volunteerId, shifts, ofCall, refused))
                        .call(made -> audit.record(tx, actor, "ANSWER_CALL_OUT", "CallOut", callOutId,
                                Map.of("volunteerId", volunteerId, "accepted", accept, "assignments", made,
                                        "refused", refused.stream().map(r -> r.shiftId() + ":" + r.code()).toList()))))
                .chain(() -> answerOf(callOutId, volunteerId, refused));
    }

    /** Of the named shifts, those the call is for: its post's, its response's posts', or its community's, in its window. */
    private static Uni<Set<Long>> shiftsOfCall(SqlClient tx, Row call, long callOutId, List<Long> shifts) {
        if (shifts.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String sql = """
                select s.id from shift s join duty_post p on p.id = s.post_id
                where s.id = any($1) and p.community_id = $2 and ($3::bigint is null or p.id = $3)
                  and ($4::bigint is null or p.response_id = $4) and s.during && tstzrange($5, $6)""";
        return tx.preparedQuery(sql)
                .execute(Tuple.from(Arrays.asList(shifts.toArray(Long[]::new), call.getLong("community_id"),
                        call.getLong("post_id"), call.getLong("response_id"), call.getOffsetDateTime("f"),
                        call.getOffsetDateTime("t"))))
                .map(rows -> {
                    Set<Long> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getLong("id")));
                    return found;
                });
    }

    private Uni<List<Long>> signUps(SqlClient tx, Actor actor, long callOutId, long volunteerId, List<Long> shifts,
                                   Set<Long> ofCall, List<RefusedShift> refused) {
        List<Long> made = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (long shift : shifts) {
            if (!ofCall.contains(shift)) {
                refused.add(new RefusedShift(String.valueOf(shift), "SHIFT_NOT_IN_CALL_OUT",
                        "shift " + shift + " is not one of call-out " + callOutId + "'s shifts"));
                continue;
            }
            chain = chain.chain(() -> signUp(tx, actor, callOutId, volunteerId, shift)
                    .invoke(assignment -> made.add(assignment.numericId()))
                    .replaceWithVoid()
                    .onFailure(DomainException.class).recoverWithUni(e -> {
                        DomainException refusal = (DomainException) e;
                        refused.add(new RefusedShift(String.valueOf(shift), refusal.code(), refusal.getMessage()));
                        return tx.query("rollback to savepoint sign_up").execute().replaceWithVoid();
                    }));
        }
        return chain.map(v -> made);
    }

    /** One shift, inside a savepoint: a refusal (even one the database raises) leaves the transaction usable. */
    private Uni<Assignment> signUp(SqlClient tx, Actor actor, long callOutId, long volunteerId, long shift) {
        return tx.query("savepoint sign_up").execute()
                .chain(() -> roster.signUpWithin(tx, shift, volunteerId))
                .call(a -> tx.preparedQuery("insert into call_out_sign_up (call_out_id, volunteer_id, assignment_id)"
                        + " values ($1, $2, $3)").execute(Tuple.of(callOutId, volunteerId, a.numericId())))
                .call(a -> audit.record(tx, actor, "SIGN_UP", "Assignment", a.numericId(),
                        Map.of("shiftId", shift, "volunteerId", volunteerId, "callOutId", callOutId)))
                .call(() -> tx.query("release savepoint sign_up").execute());
    }

    private Uni<CallOutAnswer> answerOf(long callOutId, long volunteerId, List<RefusedShift> refused) {
        return pool.preparedQuery("select " + COLUMNS + " from call_out_answer a where a.call_out_id = $1 and a.volunteer_id = $2")
                .execute(Tuple.of(callOutId, volunteerId))
                .map(rows -> map(rows.iterator().next(), List.copyOf(refused)));
    }

    /** The answers of each call-out, by volunteer id. */
    public Uni<List<List<CallOutAnswer>>> ofCallOuts(List<Long> callOutIds) {
        return pool.preparedQuery("select " + COLUMNS + " from call_out_answer a where a.call_out_id = any($1)"
                        + " order by a.call_out_id, a.volunteer_id")
                .execute(Tuple.of((Object) callOutIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<CallOutAnswer>> byCall = new HashMap<>();
                    rows.forEach(row -> byCall.computeIfAbsent(row.getLong("call_out_id"), k -> new ArrayList<>())
                            .add(map(row, List.of())));
                    return callOutIds.stream().map(id -> byCall.getOrDefault(id, List.of())).toList();
                });
    }

    /** One volunteer's answer to each call-out (null where not invited). */
    public Uni<List<CallOutAnswer>> ofVolunteer(List<Long> callOutIds, long volunteerId) {
        return pool.preparedQuery("select " + COLUMNS + " from call_out_answer a where a.call_out_id = any($1)"
                        + " and a.volunteer_id = $2")
                .execute(Tuple.of(callOutIds.toArray(Long[]::new), volunteerId))
                .map(rows -> {
                    Map<Long, CallOutAnswer> byCall = new HashMap<>();
                    rows.forEach(row -> byCall.put(row.getLong("call_out_id"), map(row, List.of())));
                    return callOutIds.stream().map(byCall::get).toList();
                });
    }

    /** The sign-ups each answer made (whatever became of them since). */
    public Uni<List<List<Assignment>>> signUpsOf(List<CallOutAnswer> answers) {
        Long[] calls = answers.stream().map(CallOutAnswer::callOutId).toArray(Long[]::new);
        Long[] people = answers.stream().map(CallOutAnswer::volunteerId).toArray(Long[]::new);
        String sql = "select u.call_out_id, " + ShiftRows.ASSIGNMENT_COLUMNS + " from call_out_sign_up u"
                + " join assignment a on a.id = u.assignment_id"
                + " where (u.call_out_id, u.volunteer_id) in (select * from unnest($1::bigint[], $2::bigint[]))"
                + " order by a.id";
        return pool.preparedQuery(sql).execute(Tuple.of(calls, people)).map(rows -> {
            Map<String, List<Assignment>> byAnswer = new HashMap<>();
            rows.forEach(row -> {
                Assignment a = ShiftRows.assignment(row);
                byAnswer.computeIfAbsent(row.getLong("call_out_id") + "/" + a.volunteerId(), k -> new ArrayList<>()).add(a);
            });
            return answers.stream().map(x -> byAnswer.getOrDefault(x.callOutId() + "/" + x.volunteerId(), List.<Assignment>of()))
                    .toList();
        });
    }
}
