package org.epicontrol.roster.shift;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shifts of a post: generated from a rotation, created one by one, cancelled with a reason. */
@ApplicationScoped
public class Shifts {

    static final int MAX_ROTATION_DAYS = 62;

    private final Pool pool;
    private final DutyPosts posts;
    private final RosterConfig config;
    private final AuditTrail audit;

    public Shifts(Pool pool, DutyPosts posts, RosterConfig config, AuditTrail audit) {
        this.pool = pool;
        this.posts = posts;
        this.config = config;
        this.audit = audit;
    }

    public Uni<List<Shift>> generate(RotationInput input, Permit permit) {
        if (input.days() < 1 || input.days() > MAX_ROTATION_DAYS) {
            throw DomainException.invalid("days must be between 1 and " + MAX_ROTATION_DAYS + ", was " + input.days());
        }
        if (input.shiftHours() < 1 || input.shiftHours() > 24 || 24 % input.shiftHours() != 0) {
            throw DomainException.invalid("shiftHours must divide 24 (24, 12, 8, 6, 4, 3, 2, 1), was " + input.shiftHours());
        }
        long postId = Ids.parse(input.postId());
        LocalTime dayStart = input.dayStartsAt() == null ? LocalTime.of(8, 0) : input.dayStartsAt();
        return posts.byId(postId).chain(post -> {
            refuseClosed(post);
            int headcount = input.requiredHeadcount() == null ? post.requiredHeadcount() : input.requiredHeadcount();
            checkHeadcount(headcount);
            int perDay = 24 / input.shiftHours();
            List<OffsetDateTime> starts = new ArrayList<>();
            List<OffsetDateTime> ends = new ArrayList<>();
            ZonedDateTime first = input.firstDay().atTime(dayStart).atZone(config.zone());
            for (int i = 0; i < input.days() * perDay; i++) {
                ZonedDateTime start = first.plusHours((long) i * input.shiftHours());
                starts.add(start.toOffsetDateTime());
                ends.add(start.plusHours(input.shiftHours()).toOffsetDateTime());
            }
            String sql = """
                    insert into shift (post_id, during, required_headcount)
                    select $1, tstzrange(s, e), $4 from unnest($2::timestamptz[], $3::timestamptz[]) as t(s, e)
                    returning id""";
            Map<String, Object> details = Map.of("firstDay", input.firstDay().toString(), "days", input.days(),
                    "shiftHours", input.shiftHours(), "requiredHeadcount", headcount, "shifts", starts.size());
            return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                            .execute(Tuple.of(postId, starts.toArray(OffsetDateTime[]::new), ends.toArray(OffsetDateTime[]::new), headcount))
                            .call(() -> audit.record(tx, actor, "GENERATE_SHIFTS", "DutyPost", postId, details)))
                    .onFailure(Shifts::isOverlap)
                    .transform(e -> new DomainException("SHIFT_OVERLAP",
                            "the rotation overlaps shifts the post already has; nothing was generated"))
                    .chain(rows -> {
                        List<Long> ids = new ArrayList<>();
                        rows.forEach(r -> ids.add(r.getLong("id")));
                        return byIds(ids);
                    });
        });
    }

    public Uni<Shift> create(long postId, OffsetDateTime start, OffsetDateTime end, Integer requiredHeadcount,
                             Permit permit) {
        if (!end.isAfter(start)) {
            throw DomainException.invalid("a shift ends after it starts: " + start + " to " + end);
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(Duration.ofMinutes(30)) < 0 || length.compareTo(Duration.ofHours(24)) > 0) {
            throw DomainException.invalid("a shift lasts from 30 minutes to 24 hours, this one " + length.toMinutes() + " minutes");
        }
        return posts.byId(postId).chain(post -> {
            refuseClosed(post);
            int headcount = requiredHeadcount == null ? post.requiredHeadcount() : requiredHeadcount;
            checkHeadcount(headcount);
            return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("insert into shift (post_id, during, required_headcount)"
                                    + " values ($1, tstzrange($2, $3), $4) returning id")
                            .execute(Tuple.of(postId, start, end, headcount))
                            .call(rows -> audit.record(tx, actor, "CREATE_SHIFT", "Shift", rows.iterator().next().getLong("id"),
                                    Map.of("postId", postId, "startsAt", start.toString(), "endsAt", end.toString(),
                                            "requiredHeadcount", headcount))))
                    .onFailure(Shifts::isOverlap)
                    .transform(e -> new DomainException("SHIFT_OVERLAP", "the post already has a shift in that time"))
                    .chain(rows -> byId(rows.iterator().next().getLong("id")));
        });
    }

    /** Cancels a shift and every assignment on it. */
    public Uni<Shift> cancel(long shiftId, String reason, Permit permit) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("a cancellation needs a reason");
        }
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(
                                "update shift set cancelled = true, cancel_reason = $2 where id = $1 and not cancelled")
                        .execute(Tuple.of(shiftId, reason.strip()))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw new DomainException("SHIFT_NOT_OPEN", "shift " + shiftId + " does not exist or is cancelled");
                            }
                            return cancelAssignments(tx, List.of(shiftId), reason.strip());
                        })
                        .chain(ended -> audit.record(tx, actor, "CANCEL_SHIFT", "Shift", shiftId,
                                Map.of("reason", reason.strip(), "cancelledAssignments", ended))))
                .chain(() -> byId(shiftId));
    }

    /**
     * Cancels, in {@code tx}, every shift of the posts that starts at or after {@code from}, with their assignments
     * (a post closing: the shifts before stay, so does one in progress). Answers the shifts cancelled.
     */
    public Uni<List<Long>> cancelFrom(SqlClient tx, List<Long> postIds, OffsetDateTime from, String reason) {
        return tx.preparedQuery("update shift set cancelled = true, cancel_reason = $3"
                        + " where post_id = any($1) and lower(during) >= $2 and not cancelled returning id")
                .execute(Tuple.of(postIds.toArray(Long[]::new), from, reason))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong("id")));
                    return cancelAssignments(tx, ids, reason).replaceWith(ids);
                });
    }

    /** Ends the active assignments of cancelled shifts; answers how many. */
    private static Uni<Integer> cancelAssignments(SqlClient tx, List<Long> shiftIds, String reason) {
        return tx.preparedQuery("update assignment set status = 'CANCELLED', ended_reason = $2"
                        + " where shift_id = any($1) and status = 'ACTIVE'")
                .execute(Tuple.of(shiftIds.toArray(Long[]::new), "shift cancelled: " + reason))
                .map(rows -> rows.rowCount());
    }

    public Uni<Shift> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("shift", id);
            }
            return list.get(0);
        });
    }

    public Uni<List<Shift>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + ShiftRows.SHIFT_COLUMNS + " from shift s where s.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Shift> found = new HashMap<>();
                    for (Row row : rows) {
                        Shift s = ShiftRows.shift(row);
                        found.put(s.numericId(), s);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    /** Shifts of each post overlapping [from, to), in time order. */
    public Uni<List<List<Shift>>> ofPosts(List<Long> postIds, OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery("select " + ShiftRows.SHIFT_COLUMNS + " from shift s where s.post_id = any($1)"
                        + " and s.during && tstzrange($2, $3) order by lower(s.during)")
                .execute(Tuple.of(postIds.toArray(Long[]::new), from, to))
                .map(rows -> {
                    Map<Long, List<Shift>> byPost = new HashMap<>();
                    for (Row row : rows) {
                        Shift s = ShiftRows.shift(row);
                        byPost.computeIfAbsent(s.postId(), k -> new ArrayList<>()).add(s);
                    }
                    return postIds.stream().map(id -> byPost.getOrDefault(id, List.of())).toList();
                });
    }

    /** A closed post gets no new shifts (closeDutyPost, or its response closed). */
    private static void refuseClosed(DutyPost post) {
        if (post.activeUntil() != null) {
            throw new DomainException("POST_CLOSED", "duty post " + post.id() + " is closed: " + post.closedReason());
        }
    }

    private static void checkHeadcount(int headcount) {
        if (headcount < 1 || headcount > 100) {
            throw DomainException.invalid("requiredHeadcount must be between 1 and 100, was " + headcount);
        }
    }

    static boolean isOverlap(Throwable e) {
        return e instanceof PgException pg && "23P01".equals(pg.getSqlState());
    }
}
