package org.epicontrol.roster.availability;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A volunteer's availability and preferences (SQL): read, kept, and read for a whole pool at once. */
@ApplicationScoped
public class Availabilities {

    static final int MAX_WINDOWS = 50;
    static final Duration MAX_EXCEPTION = Duration.ofDays(366);
    static final int MAX_REASON = 200;

    private final Pool pool;
    private final AuditTrail audit;
    private final RosterConfig config;

    public Availabilities(Pool pool, AuditTrail audit, RosterConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    public Uni<VolunteerAvailability> of(long volunteerId) {
        String sql = """
                select 'W' as k, null::bigint as id, day_of_week, starts_at, ends_at, null::timestamptz as f,
                       null::timestamptz as t, null as reason, null::int as max_hours, null::bigint[] as posts
                from availability_window where volunteer_id = $1
                union all select 'E', id, null, null, null, lower(during), upper(during), reason, null, null
                from availability_exception where volunteer_id = $1 and upper(during) > now()
                union all select 'P', null, null, null, null, null, null, null, max_hours_per_week, preferred_post_ids
                from roster_preference where volunteer_id = $1
                order by 1, 3, 4, 6""";
        return pool.preparedQuery(sql).execute(Tuple.of(volunteerId)).map(rows -> {
            List<WeeklyWindow> weekly = new ArrayList<>();
            List<AvailabilityException> exceptions = new ArrayList<>();
            Integer maxHours = null;
            List<String> posts = List.of();
            for (Row row : rows) {
                switch (row.getString("k")) {
                    case "W" -> weekly.add(new WeeklyWindow(Weekday.of(DayOfWeek.of(row.getInteger("day_of_week"))),
                            row.getLocalTime("starts_at"), row.getLocalTime("ends_at")));
                    case "E" -> exceptions.add(new AvailabilityException(String.valueOf(row.getLong("id")),
                            row.getOffsetDateTime("f"), row.getOffsetDateTime("t"), row.getString("reason")));
                    default -> {
                        maxHours = row.getInteger("max_hours");
                        posts = Arrays.stream(row.getArrayOfLongs("posts")).map(String::valueOf).toList();
                    }
                }
            }
            return new VolunteerAvailability(String.valueOf(volunteerId), weekly, exceptions, maxHours, posts);
        });
    }

    /** Replaces the volunteer's weekly windows (an empty list: available any time). */
    public Uni<VolunteerAvailability> setWeekly(long volunteerId, List<WeeklyWindowInput> windows, Permit permit) {
        if (windows.size() > MAX_WINDOWS) {
            throw DomainException.invalid("at most " + MAX_WINDOWS + " weekly windows");
        }
        return permit.transaction(pool, (tx, actor) -> lockVolunteer(tx, volunteerId)
                        .chain(() -> tx.preparedQuery("delete from availability_window where volunteer_id = $1")
                                .execute(Tuple.of(volunteerId)))
                        .chain(() -> windows.isEmpty() ? Uni.createFrom().voidItem()
                                : tx.preparedQuery("insert into availability_window (volunteer_id, day_of_week, starts_at,"
                                                + " ends_at) values ($1, $2, $3, $4)")
                                        .executeBatch(windows.stream().map(w -> Tuple.of(volunteerId,
                                                (short) w.day().day().getValue(), w.startsAt(), w.endsAt())).toList())
                                        .replaceWithVoid())
                        .chain(() -> audit.record(tx, actor, "SET_WEEKLY_AVAILABILITY", "Volunteer", volunteerId,
                                Map.of("windows", windows.size()))))
                .chain(() -> of(volunteerId));
    }

    public Uni<VolunteerAvailability> addException(long volunteerId, OffsetDateTime from, OffsetDateTime to,
                                                   String reason, Permit permit) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("an exception must end after it starts");
        }
        if (Duration.between(from, to).compareTo(MAX_EXCEPTION) > 0) {
            throw DomainException.invalid("an exception lasts at most 366 days");
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > MAX_REASON) {
            throw DomainException.invalid("a reason has at most " + MAX_REASON + " characters");
        }
        return permit.transaction(pool, (tx, actor) -> lockVolunteer(tx, volunteerId)
                        .chain(() -> tx.preparedQuery("insert into availability_exception (volunteer_id, during, reason)"
                                        + " values ($1, tstzrange($2, $3), $4) returning id")
                                .execute(Tuple.of(volunteerId, from, to, text)))
                        .chain(rows -> audit.record(tx, actor, "ADD_AVAILABILITY_EXCEPTION", "Volunteer", volunteerId,
                                Map.of("exceptionId", rows.iterator().next().getLong("id"), "from", from.toString(),
                                        "to", to.toString()))))
                .chain(() -> of(volunteerId));
    }

    public Uni<VolunteerAvailability> removeException(long volunteerId, long exceptionId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(
                                "delete from availability_exception where id = $1 and volunteer_id = $2")
                        .execute(Tuple.of(exceptionId, volunteerId))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw DomainException.notFound("availability exception of volunteer " + volunteerId,
                                        exceptionId);
                            }
                            return audit.record(tx, actor, "REMOVE_AVAILABILITY_EXCEPTION", "Volunteer", volunteerId,
                                    Map.of("exceptionId", exceptionId));
                        }))
                .chain(() -> of(volunteerId));
    }

    /** Sets the preferences; every preferred post must be one of the volunteer's own community. */
    public Uni<VolunteerAvailability> setPreferences(long volunteerId, Integer maxHoursPerWeek, List<Long> postIds,
                                                     Permit permit) {
        if (maxHoursPerWeek != null && (maxHoursPerWeek < 0 || maxHoursPerWeek > 168)) {
            throw DomainException.invalid("maxHoursPerWeek lies between 0 and 168");
        }
        if (postIds.size() > MAX_WINDOWS) {
            throw DomainException.invalid("at most " + MAX_WINDOWS + " preferred posts");
        }
        Long[] posts = postIds.stream().distinct().toArray(Long[]::new);
        String sql = """
                insert into roster_preference (volunteer_id, max_hours_per_week, preferred_post_ids)
                select v.id, $2, $3 from volunteer v
                where v.id = $1 and (select count(*) from duty_post p where p.id = any($3)
                                     and p.community_id = v.community_id) = cardinality($3)
                on conflict (volunteer_id) do update set max_hours_per_week = excluded.max_hours_per_week,
                  preferred_post_ids = excluded.preferred_post_ids, updated_at = now()""";
        return permit.transaction(pool, (tx, actor) -> lockVolunteer(tx, volunteerId)
                        .chain(() -> tx.preparedQuery(sql).execute(Tuple.of(volunteerId, maxHoursPerWeek, posts)))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw new DomainException("POST_NOT_IN_COMMUNITY",
                                        "preferred posts must be duty posts of the volunteer's own community");
                            }
                            Map<String, Object> details = new HashMap<>();
                            details.put("maxHoursPerWeek", maxHoursPerWeek);
                            details.put("preferredPosts", posts.length);
                            return audit.record(tx, actor, "SET_ROSTER_PREFERENCES", "Volunteer", volunteerId, details);
                        }))
                .chain(() -> of(volunteerId));
    }

    private static Uni<Void> lockVolunteer(SqlClient tx, long volunteerId) {
        return tx.preparedQuery("select id from volunteer where id = $1 for no key update")
                .execute(Tuple.of(volunteerId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("volunteer", volunteerId);
                    }
                })
                .replaceWithVoid();
    }

    /** What the rostering needs of a pool: each volunteer's availability during the window (missing: any time). */
    public Uni<Map<Long, Availability>> ofPool(SqlClient client, List<Long> volunteerIds, OffsetDateTime from,
                                               OffsetDateTime to) {
        String sql = """
                select volunteer_id, 'W' as k, day_of_week, starts_at, ends_at, null::timestamptz as f,
                       null::timestamptz as t
                from availability_window where volunteer_id = any($1)
                union all select volunteer_id, 'E', null, null, null, lower(during), upper(during)
                from availability_exception where volunteer_id = any($1) and during && tstzrange($2, $3)""";
        return client.preparedQuery(sql).execute(Tuple.of(volunteerIds.toArray(Long[]::new), from, to)).map(rows -> {
            Map<Long, List<Availability.Window>> weekly = new HashMap<>();
            Map<Long, List<Interval>> exceptions = new HashMap<>();
            for (Row row : rows) {
                long id = row.getLong("volunteer_id");
                if ("W".equals(row.getString("k"))) {
                    weekly.computeIfAbsent(id, k -> new ArrayList<>()).add(new Availability.Window(
                            DayOfWeek.of(row.getInteger("day_of_week")), row.getLocalTime("starts_at"),
                            row.getLocalTime("ends_at")));
                } else {
                    exceptions.computeIfAbsent(id, k -> new ArrayList<>()).add(
                            new Interval(row.getOffsetDateTime("f"), row.getOffsetDateTime("t")));
                }
            }
            Map<Long, Availability> found = new HashMap<>();
            for (Long id : volunteerIds) {
                found.put(id, new Availability(weekly.getOrDefault(id, List.of()), exceptions.getOrDefault(id, List.of()),
                        config.zone()));
            }
            return found;
        });
    }
}
