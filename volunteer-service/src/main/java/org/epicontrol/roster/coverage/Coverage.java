package org.epicontrol.roster.coverage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage of posts by hour. An hour belongs to the shift that contains its start; an around-the-clock post
 * needs its headcount in hours without any shift too.
 */
@ApplicationScoped
public class Coverage {

    static final Duration MAX_WINDOW = Duration.ofDays(31);

    // Runs are computed per shift (and per stretch without any shift) rather than per post-hour: a street's week is
    // ~30,000 post-hours but only a few thousand runs. Hour k of the window is [$2 + k h, $2 + (k+1) h); it belongs
    // to the shift containing its start, so a run's first hour is the first window hour at or after its lower bound.
    // Only the part of the window inside a post's active period counts: a closed post, or time before a post starts
    // or after it closed, needs nobody (%s: which posts, $1).
    private static final String GAPS = """
            with posts as (
              select p.id, p.required_headcount, p.around_the_clock,
                     tstzrange($2, $3) * tstzrange(p.active_from, p.active_until) as active
              from duty_post p join org_unit c on c.id = p.community_id
              where %s and tstzrange($2, $3) && tstzrange(p.active_from, p.active_until)),
            shifts as (
              select s.id, s.post_id, s.during * p.active as part, s.required_headcount,
                     (select count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') as staffed
              -- per post through the (post, during) index; a hash join over all shifts scans the whole table
              from posts p cross join lateral (select * from shift s where s.post_id = p.id and not s.cancelled
                                               and s.during && p.active offset 0) s),
            runs as (
              select post_id, id as shift_id, part, required_headcount as required, staffed
              from shifts where staffed < required_headcount
              union all
              select p.id, null, u.part, p.required_headcount, 0
              from posts p cross join lateral unnest(tstzmultirange(p.active)
                  - coalesce((select range_agg(s.part) from shifts s where s.post_id = p.id), '{}'::tstzmultirange)) u(part)
              where p.around_the_clock),
            aligned as (
              select post_id, shift_id, required, staffed, upper(part) as bound,
                     $2::timestamptz + ceil(extract(epoch from lower(part) - $2::timestamptz) / 3600) * interval '1 hour' as first_hour
              from runs)
            select post_id, shift_id, required, staffed, first_hour,
                   ceil(extract(epoch from bound - first_hour) / 3600)::int as hour_count
            from aligned where first_hour < bound
            order by post_id, first_hour""";
    private static final String GAPS_OF_UNIT = GAPS.formatted("$1 = any(c.path_ids)");
    private static final String GAPS_OF_POSTS = GAPS.formatted("p.id = any($1)");

    private final Pool pool;
    private final AuditTrail audit;

    public Coverage(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** Every under-staffed post-hour in [from, to) of the posts of a unit (community, street, district), in runs. */
    public Uni<List<CoverageGap>> gaps(long unitId, OffsetDateTime from, OffsetDateTime to) {
        return gaps(GAPS_OF_UNIT, unitId, from, to);
    }

    /** The same for some posts (those of a response). */
    public Uni<List<CoverageGap>> gapsOfPosts(List<Long> postIds, OffsetDateTime from, OffsetDateTime to) {
        return gaps(GAPS_OF_POSTS, postIds.toArray(Long[]::new), from, to);
    }

    private Uni<List<CoverageGap>> gaps(String sql, Object posts, OffsetDateTime from, OffsetDateTime to) {
        checkWindow(from, to);
        OffsetDateTime start = from.withMinute(0).withSecond(0).withNano(0);
        return pool.preparedQuery(sql).execute(Tuple.of(posts, start, to)).map(rows -> {
            List<CoverageGap> gaps = new ArrayList<>(rows.size());
            for (Row row : rows) {
                OffsetDateTime first = row.getOffsetDateTime("first_hour");
                int count = row.getInteger("hour_count");
                List<OffsetDateTime> hours = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    hours.add(first.plusHours(i));
                }
                Long shift = row.getLong("shift_id");
                gaps.add(new CoverageGap(first, first.plusHours(count), hours, row.getInteger("required"),
                        row.getInteger("staffed"), shift != null, row.getLong("post_id"), shift));
            }
            return gaps;
        });
    }

    public Uni<List<List<OnDuty>>> onDutyAtPosts(List<Long> postIds, OffsetDateTime at) {
        String sql = "select s.post_id, a.volunteer_id, s.id as shift_id, lower(s.during) as f, upper(s.during) as t"
                + " from shift s join assignment a on a.shift_id = s.id and a.status = 'ACTIVE'"
                + " where s.post_id = any($1) and not s.cancelled and s.during @> $2::timestamptz order by a.id";
        return pool.preparedQuery(sql).execute(Tuple.of(postIds.toArray(Long[]::new), at)).map(rows -> {
            Map<Long, List<OnDuty>> byPost = new HashMap<>();
            for (Row row : rows) {
                OnDuty d = new OnDuty(row.getOffsetDateTime("f"), row.getOffsetDateTime("t"), row.getLong("post_id"),
                        row.getLong("volunteer_id"), row.getLong("shift_id"));
                byPost.computeIfAbsent(d.postId(), k -> new ArrayList<>()).add(d);
            }
            return postIds.stream().map(id -> byPost.getOrDefault(id, List.of())).toList();
        });
    }

    /** On duty at posts guarding or serving each area. */
    public Uni<List<List<OnDuty>>> onDutyAtAreas(List<String> areaIds, OffsetDateTime at) {
        String sql = "select p.area_id, s.post_id, a.volunteer_id, s.id as shift_id, lower(s.during) as f, upper(s.during) as t"
                + " from duty_post p join shift s on s.post_id = p.id and not s.cancelled and s.during @> $2::timestamptz"
                + " join assignment a on a.shift_id = s.id and a.status = 'ACTIVE'"
                + " where p.area_id = any($1) order by a.id";
        return pool.preparedQuery(sql).execute(Tuple.of(areaIds.toArray(String[]::new), at)).map(rows -> {
            Map<String, List<OnDuty>> byArea = new HashMap<>();
            for (Row row : rows) {
                byArea.computeIfAbsent(row.getString("area_id"), k -> new ArrayList<>())
                        .add(new OnDuty(row.getOffsetDateTime("f"), row.getOffsetDateTime("t"), row.getLong("post_id"),
                                row.getLong("volunteer_id"), row.getLong("shift_id")));
            }
            return areaIds.stream().map(id -> byArea.getOrDefault(id, List.of())).toList();
        });
    }

    // Hours on duty per person within [$2, $3), most first, at most $4 lines; %s: whose ($1, and $5 if used).
    private static final String HOURS = """
            select a.volunteer_id, count(*) as shifts,
                   sum(extract(epoch from (least(upper(a.during), $3) - greatest(lower(a.during), $2)))) / 3600.0 as hours
            from assignment a join shift s on s.id = a.shift_id join duty_post p on p.id = s.post_id
            join org_unit c on c.id = p.community_id
            where %s and a.status = 'ACTIVE' and not s.cancelled and a.during && tstzrange($2, $3)
            group by a.volunteer_id order by hours desc, a.volunteer_id limit $4""";

    /**
     * Hours on duty per person of a unit within [from, to), most first: the recognition lists communities publish.
     *
     * @param onlyVolunteer null for everyone, else the line of that one person only
     */
    public Uni<List<VolunteerHours>> hours(long unitId, OffsetDateTime from, OffsetDateTime to, int first,
                                           Long onlyVolunteer) {
        checkWindow(from, to);
        return hours(HOURS.formatted("$1 = any(c.path_ids) and ($5::bigint is null or a.volunteer_id = $5)"),
                Arrays.asList(unitId, from, to, first, onlyVolunteer));
    }

    /**
     * One person's hours on duty within [from, to), wherever they were on duty: the same count, zero without any. The
     * caller bounds the window (one person's assignments are few, whatever its length).
     */
    public Uni<VolunteerHours> hoursOf(long volunteerId, OffsetDateTime from, OffsetDateTime to) {
        return hours(HOURS.formatted("a.volunteer_id = $1"), Arrays.asList(volunteerId, from, to, 1))
                .map(lines -> lines.isEmpty() ? new VolunteerHours(0, 0, volunteerId) : lines.get(0));
    }

    private Uni<List<VolunteerHours>> hours(String sql, List<Object> parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<VolunteerHours> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(new VolunteerHours(row.getDouble("hours"), row.getInteger("shifts"), row.getLong("volunteer_id")));
            }
            return list;
        });
    }

    public Uni<Void> setRules(long communityId, Integer maxHoursPer24h, Integer minRestHours, Permit permit) {
        if (maxHoursPer24h != null && (maxHoursPer24h < 1 || maxHoursPer24h > 24)) {
            throw DomainException.invalid("maxHoursPer24h must be between 1 and 24, was " + maxHoursPer24h);
        }
        if (minRestHours != null && (minRestHours < 0 || minRestHours > 24)) {
            throw DomainException.invalid("minRestHours must be between 0 and 24, was " + minRestHours);
        }
        String sql = """
                insert into community_rules (community_id, max_hours_per_24h, min_rest_hours)
                select id, $2, $3 from org_unit where id = $1 and kind = 'COMMUNITY'
                on conflict (community_id) do update set max_hours_per_24h = excluded.max_hours_per_24h,
                                                         min_rest_hours = excluded.min_rest_hours""";
        Map<String, Object> details = new HashMap<>();
        details.put("maxHoursPer24h", maxHoursPer24h);
        details.put("minRestHours", minRestHours);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql).execute(Tuple.of(communityId, maxHoursPer24h, minRestHours))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainException.notFound("community", communityId);
                    }
                    return audit.record(tx, actor, "SET_ROSTER_RULES", "Community", communityId, details);
                }));
    }

    private static void checkWindow(OffsetDateTime from, OffsetDateTime to) {
        checkWindow(from, to, MAX_WINDOW);
    }

    /** A window [from, to) to count in: from before to, at most {@code max} long; else INVALID_INPUT. */
    public static void checkWindow(OffsetDateTime from, OffsetDateTime to, Duration max) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw DomainException.invalid("a window spans at most " + max.toDays() + " days");
        }
    }
}
