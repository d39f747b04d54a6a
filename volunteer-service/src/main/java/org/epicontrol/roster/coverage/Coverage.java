package org.epicontrol.roster.coverage;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coverage of posts by hour. An hour belongs to the shift that contains its start; an around-the-clock post
 * needs its headcount in hours without any shift too.
 */
@ApplicationScoped
public class Coverage {

    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private static final String GAPS = """
            with posts as (
              select p.id, p.required_headcount, p.around_the_clock from duty_post p
              join org_unit c on c.id = p.community_id where $1 = any(c.path_ids)),
            shifts as (
              select s.id, s.post_id, s.during, s.required_headcount,
                     (select count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') as staffed
              from shift s join posts p on p.id = s.post_id
              where not s.cancelled and s.during && tstzrange($2, $3)),
            hours as (
              select p.id as post_id, p.required_headcount, p.around_the_clock, h
              from posts p cross join generate_series($2::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') h)
            select h.post_id, h.h, s.id as shift_id,
                   coalesce(s.required_headcount, h.required_headcount) as required, coalesce(s.staffed, 0) as staffed
            from hours h left join shifts s on s.post_id = h.post_id and s.during @> h.h
            where (s.id is not null and s.staffed < s.required_headcount) or (s.id is null and h.around_the_clock)
            order by h.post_id, h.h""";

    private final Pool pool;

    public Coverage(Pool pool) {
        this.pool = pool;
    }

    /** Every under-staffed post-hour in [from, to) of the posts of a unit (community, street, district), in runs. */
    public Uni<List<CoverageGap>> gaps(long unitId, OffsetDateTime from, OffsetDateTime to) {
        checkWindow(from, to);
        OffsetDateTime start = from.withMinute(0).withSecond(0).withNano(0);
        return pool.preparedQuery(GAPS).execute(Tuple.of(unitId, start, to)).map(rows -> {
            // Rows come by post and hour: consecutive hours of one post and one shift with the same staffing form a run,
            // which keeps the answer small without dropping any post-hour.
            List<CoverageGap> gaps = new ArrayList<>();
            List<OffsetDateTime> hours = new ArrayList<>();
            Row first = null;
            OffsetDateTime previous = null;
            for (Row row : rows) {
                OffsetDateTime hour = row.getOffsetDateTime("h");
                if (first != null && !(sameRun(first, row) && hour.equals(previous.plusHours(1)))) {
                    gaps.add(gap(first, hours, previous));
                    hours = new ArrayList<>();
                    first = null;
                }
                if (first == null) {
                    first = row;
                }
                hours.add(hour);
                previous = hour;
            }
            if (first != null) {
                gaps.add(gap(first, hours, previous));
            }
            return gaps;
        });
    }

    private static boolean sameRun(Row a, Row b) {
        return a.getLong("post_id").equals(b.getLong("post_id")) && Objects.equals(a.getLong("shift_id"), b.getLong("shift_id"))
                && a.getInteger("required").equals(b.getInteger("required")) && a.getInteger("staffed").equals(b.getInteger("staffed"));
    }

    private static CoverageGap gap(Row first, List<OffsetDateTime> hours, OffsetDateTime last) {
        Long shift = first.getLong("shift_id");
        return new CoverageGap(hours.get(0), last.plusHours(1), hours, first.getInteger("required"),
                first.getInteger("staffed"), shift != null, first.getLong("post_id"), shift);
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

    /** Hours on duty per person of a unit within [from, to), most first: the recognition lists communities publish. */
    public Uni<List<VolunteerHours>> hours(long unitId, OffsetDateTime from, OffsetDateTime to, int first) {
        checkWindow(from, to);
        String sql = """
                select a.volunteer_id, count(*) as shifts,
                       sum(extract(epoch from (least(upper(a.during), $3) - greatest(lower(a.during), $2)))) / 3600.0 as hours
                from assignment a join shift s on s.id = a.shift_id join duty_post p on p.id = s.post_id
                join org_unit c on c.id = p.community_id
                where $1 = any(c.path_ids) and a.status = 'ACTIVE' and not s.cancelled and a.during && tstzrange($2, $3)
                group by a.volunteer_id order by hours desc, a.volunteer_id limit $4""";
        return pool.preparedQuery(sql).execute(Tuple.of(unitId, from, to, first)).map(rows -> {
            List<VolunteerHours> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(new VolunteerHours(row.getDouble("hours"), row.getInteger("shifts"), row.getLong("volunteer_id")));
            }
            return list;
        });
    }

    public Uni<Void> setRules(long communityId, Integer maxHoursPer24h, Integer minRestHours) {
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
        return pool.preparedQuery(sql).execute(Tuple.of(communityId, maxHoursPer24h, minRestHours)).invoke(rows -> {
            if (rows.rowCount() == 0) {
                throw DomainException.notFound("community", communityId);
            }
        }).replaceWithVoid();
    }

    private static void checkWindow(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw DomainException.invalid("a window spans at most " + MAX_WINDOW.toDays() + " days");
        }
    }
}
