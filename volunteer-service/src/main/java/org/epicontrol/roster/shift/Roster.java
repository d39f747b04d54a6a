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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is on which shift. Every write checks every rule inside one transaction: the person's row is locked first,
 * then the shift's, so concurrent writers for one person or one shift queue up instead of both passing a check.
 * The database refuses overlapping shifts of one person by itself (exclusion constraint).
 */
@ApplicationScoped
public class Roster {

    private final Pool pool;
    private final CommunityLimits limits;
    private final AuditTrail audit;

    public Roster(Pool pool, CommunityLimits limits, AuditTrail audit) {
        this.pool = pool;
        this.limits = limits;
        this.audit = audit;
    }

    /** What the rules need to know of a person, read while locking them. */
    record Person(long id, List<String> kinds, List<String> skills) {
    }

    public Uni<Assignment> enlist(long shiftId, long volunteerId, AssignmentSource source, Permit permit) {
        String action = source == AssignmentSource.SIGN_UP ? "SIGN_UP" : "ASSIGN";
        return permit.transaction(pool, (tx, actor) -> lockVolunteers(tx, List.of(volunteerId))
                .chain(people -> enlist(tx, shiftId, people.get(volunteerId), source, List.of()))
                .call(a -> audit.record(tx, actor, action, "Assignment", a.id(),
                        Map.of("shiftId", shiftId, "volunteerId", volunteerId))));
    }

    public Uni<Assignment> cancel(long assignmentId, String reason, Permit permit) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("a cancellation needs a reason");
        }
        return permit.transaction(pool, (tx, actor) -> cancelWithin(tx, assignmentId, reason)
                        .chain(ended -> audit.record(tx, actor, "CANCEL_ASSIGNMENT", "Assignment", assignmentId,
                                Map.of("shiftId", ended.shiftId(), "volunteerId", ended.volunteerId(),
                                        "reason", reason.strip()))))
                .chain(() -> assignment(assignmentId));
    }

    /** The shift and person of an assignment just ended. */
    public record Ended(long shiftId, long volunteerId) {
    }

    /**
     * Ends an active assignment inside the caller's own transaction, its row locked until the transaction ends
     * ({@code cancelAssignment}'s rule; issue 16: the person leaving in a move of a roster proposal, whose newcomer
     * is then assigned in the same transaction). Not active: ASSIGNMENT_NOT_ACTIVE. The caller checks its permit and
     * records the trail.
     */
    public Uni<Ended> cancelWithin(SqlClient tx, long assignmentId, String reason) {
        return tx.preparedQuery("update assignment set status = 'CANCELLED', ended_reason = $2"
                        + " where id = $1 and status = 'ACTIVE' returning shift_id, volunteer_id")
                .execute(Tuple.of(assignmentId, reason.strip()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new DomainException("ASSIGNMENT_NOT_ACTIVE", "assignment " + assignmentId
                                + " does not exist or has ended");
                    }
                    Row row = rows.iterator().next();
                    return new Ended(row.getLong("shift_id"), row.getLong("volunteer_id"));
                });
    }

    /**
     * A sign-up inside the caller's own transaction (issue 13: the shifts of an accepted call-out answer): exactly the
     * rules of {@link #enlist(long, long, AssignmentSource, Permit)}, the person's row locked first, then the shift's.
     * The caller checks its permit, records the trail and, to keep other shifts after a refusal, wraps each call in a
     * savepoint.
     */
    public Uni<Assignment> signUpWithin(SqlClient tx, long shiftId, long volunteerId) {
        return lockVolunteers(tx, List.of(volunteerId))
                .chain(people -> enlist(tx, shiftId, people.get(volunteerId), AssignmentSource.SIGN_UP, List.of()));
    }

    /**
     * An administrator's assignment inside the caller's own transaction (issue 16: a place of an applied roster
     * proposal): exactly the rules of {@code assignVolunteer}; the caller checks its permit and records the trail.
     */
    public Uni<Assignment> assignWithin(SqlClient tx, long shiftId, long volunteerId) {
        return lockVolunteers(tx, List.of(volunteerId))
                .chain(people -> enlist(tx, shiftId, people.get(volunteerId), AssignmentSource.ASSIGNED, List.of()));
    }

    /** Locks people in id order, the one order every writer uses. */
    Uni<Map<Long, Person>> lockVolunteers(SqlClient tx, List<Long> ids) {
        Long[] sorted = ids.stream().sorted().distinct().toArray(Long[]::new);
        // "id = $1" for one person keeps PostgreSQL on a generic plan (no planning per sign-up)
        var locked = sorted.length == 1
                ? tx.preparedQuery("select id, active, kinds, skills from volunteer where id = $1 for no key update")
                        .execute(Tuple.of(sorted[0]))
                : tx.preparedQuery("select id, active, kinds, skills from volunteer where id = any($1)"
                                + " order by id for no key update")
                        .execute(Tuple.of((Object) sorted));
        return locked
                .map(rows -> {
                    if (rows.size() != sorted.length) {
                        throw DomainException.notFound("volunteer", Arrays.toString(sorted));
                    }
                    Map<Long, Person> people = new HashMap<>();
                    for (Row row : rows) {
                        if (!row.getBoolean("active")) {
                            throw new DomainException("VOLUNTEER_INACTIVE", "volunteer " + row.getLong("id") + " is not active");
                        }
                        people.put(row.getLong("id"), new Person(row.getLong("id"),
                                Arrays.asList(row.getArrayOfStrings("kinds")), Arrays.asList(row.getArrayOfStrings("skills"))));
                    }
                    return people;
                });
    }

    /**
     * Puts a person on a shift, the person's row already locked by the caller.
     *
     * @param ignoring assignments of the person that the same transaction is ending (a swap), left out of the rules
     */
    Uni<Assignment> enlist(SqlClient tx, long shiftId, Person person, AssignmentSource source, List<Long> ignoring) {
        long volunteerId = person.id();
        String lockShift = """
                select s.id, lower(s.during) as s_start, upper(s.during) as s_end, s.required_headcount, s.cancelled,
                       p.name as post_name, p.allowed_kinds, p.required_skill,
                       %s
                from shift s join duty_post p on p.id = s.post_id
                left join community_rules cr on cr.community_id = p.community_id
                where s.id = $1 for no key update of s""".formatted(CommunityLimits.COLUMNS);
        return tx.preparedQuery(lockShift).execute(Tuple.of(shiftId)).chain(rows -> {
            if (rows.size() == 0) {
                throw DomainException.notFound("shift", shiftId);
            }
            Row shift = rows.iterator().next();
            if (shift.getBoolean("cancelled")) {
                throw new DomainException("SHIFT_CANCELLED", "shift " + shiftId + " is cancelled");
            }
            OffsetDateTime start = shift.getOffsetDateTime("s_start");
            OffsetDateTime end = shift.getOffsetDateTime("s_end");
            if (!end.isAfter(OffsetDateTime.now())) {
                throw new DomainException("SHIFT_ENDED", "shift " + shiftId + " ended at " + end);
            }
            Limits limits = this.limits.of(shift);
            checkQualification(shift, person);
            WorkingTimeRules.Interval added = new WorkingTimeRules.Interval(start, end);
            return checkHeadcountAndWorkingTime(tx, shiftId, shift.getInteger("required_headcount"), volunteerId,
                            added, limits, ignoring)
                    .chain(() -> tx.preparedQuery("insert into assignment (shift_id, volunteer_id, during, source)"
                                    + " select id, $2, during, $3 from shift where id = $1 returning "
                                    + ShiftRows.ASSIGNMENT_COLUMNS.replace("a.", ""))
                            .execute(Tuple.of(shiftId, volunteerId, source.name())))
                    .map(inserted -> ShiftRows.assignment(inserted.iterator().next()))
                    .onFailure(e -> e instanceof PgException pg && "23P01".equals(pg.getSqlState()))
                    .transform(e -> new DomainException("OVERLAPPING_SHIFT",
                            "volunteer " + volunteerId + " is already on duty during " + start + " – " + end))
                    .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                    .transform(e -> new DomainException("ALREADY_ON_SHIFT",
                            "volunteer " + volunteerId + " is already on shift " + shiftId));
        });
    }

    private static void checkQualification(Row shift, Person person) {
        Qualification.of(shift.getString("post_name"), shift.getArrayOfStrings("allowed_kinds"),
                        shift.getString("required_skill"))
                .refusal(person.id(), person.kinds(), person.skills())
                .ifPresent(reason -> {
                    throw new DomainException("NOT_QUALIFIED", reason);
                });
    }

    /** One round trip: the shift's filled places and the person's nearby shifts. */
    private Uni<Void> checkHeadcountAndWorkingTime(SqlClient tx, long shiftId, int required, long volunteerId,
                                                   WorkingTimeRules.Interval added, Limits limits, List<Long> ignoring) {
        Duration reach = Duration.ofHours(24).plus(limits.minRest());
        String sql = "select (select count(*) from assignment where shift_id = $1 and status = 'ACTIVE') as filled,"
                + " null::timestamptz as f, null::timestamptz as t"
                + " union all select null, lower(during), upper(during) from assignment where volunteer_id = $2"
                + " and status = 'ACTIVE' and during && tstzrange($3, $4) and not (id = any($5))";
        return tx.preparedQuery(sql)
                .execute(Tuple.of(shiftId, volunteerId, added.start().minus(reach), added.end().plus(reach),
                        ignoring.toArray(Long[]::new)))
                .invoke(rows -> {
                    List<WorkingTimeRules.Interval> existing = new ArrayList<>();
                    for (Row r : rows) {
                        Long filled = r.getLong("filled");
                        if (filled != null && filled >= required) {
                            throw new DomainException("SHIFT_FULL", "shift " + shiftId + " already has its " + required
                                    + " people");
                        }
                        if (r.getOffsetDateTime("f") != null) {
                            existing.add(new WorkingTimeRules.Interval(r.getOffsetDateTime("f"), r.getOffsetDateTime("t")));
                        }
                    }
                    WorkingTimeRules.check(existing, added, limits);
                })
                .replaceWithVoid();
    }

    Uni<Assignment> assignment(long id) {
        return pool.preparedQuery("select " + ShiftRows.ASSIGNMENT_COLUMNS + " from assignment a where a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("assignment", id);
                    }
                    return ShiftRows.assignment(rows.iterator().next());
                });
    }
}
