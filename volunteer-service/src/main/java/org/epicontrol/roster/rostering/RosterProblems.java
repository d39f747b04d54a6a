package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.availability.Availabilities;
import org.epicontrol.roster.availability.Availability;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.rostering.solver.Person;
import org.epicontrol.roster.rostering.solver.Place;
import org.epicontrol.roster.rostering.solver.RosterPlan;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the planning problem of a proposal (SQL, on the caller's connection): the open places of the community's
 * coming shifts in the window (optionally of some posts, or of a response's posts), its active volunteers with their
 * availability and preferences, their assignments near the window (kept), and the community's roster limits.
 */
@ApplicationScoped
public class RosterProblems {

    private final RosterConfig roster;
    private final Availabilities availabilities;

    public RosterProblems(RosterConfig roster, Availabilities availabilities) {
        this.roster = roster;
        this.availabilities = availabilities;
    }

    public Uni<RosterPlan> load(SqlClient tx, long communityId, OffsetDateTime from, OffsetDateTime to, Long[] postIds,
                             Long responseId) {
        return limits(tx, communityId).chain(limits -> pool(tx, communityId, from, to, limits)
                .chain(people -> shifts(tx, communityId, from, to, postIds, responseId).chain(shifts -> {
                    List<Place> places = new ArrayList<>();
                    for (Row s : shifts) {
                        Interval interval = new Interval(s.getOffsetDateTime("s_start"), s.getOffsetDateTime("s_end"));
                        Qualification q = Qualification.of(s.getString("post_name"), s.getArrayOfStrings("allowed_kinds"),
                                s.getString("required_skill"));
                        int free = s.getInteger("required_headcount") - s.getLong("filled").intValue();
                        for (int i = 0; i < free; i++) {
                            places.add(new Place(places.size() + 1, s.getLong("id"), s.getLong("post_id"), interval,
                                    interval.start().atZoneSameInstant(roster.zone()).toLocalDate(), q, limits, false,
                                    null));
                        }
                    }
                    return kept(tx, people, from, to, limits, places);
                })));
    }

    private Uni<Limits> limits(SqlClient tx, long communityId) {
        return tx.preparedQuery("select max_hours_per_24h, min_rest_hours from community_rules where community_id = $1")
                .execute(Tuple.of(communityId))
                .map(rows -> {
                    Row r = rows.size() == 0 ? null : rows.iterator().next();
                    Integer max = r == null ? null : r.getInteger("max_hours_per_24h");
                    Integer rest = r == null ? null : r.getInteger("min_rest_hours");
                    return new Limits(Duration.ofHours(max == null ? roster.maxHoursPer24h() : max),
                            Duration.ofHours(rest == null ? roster.minRestHours() : rest));
                });
    }

    private Uni<Map<Long, Person>> pool(SqlClient tx, long communityId, OffsetDateTime from, OffsetDateTime to,
                                        Limits limits) {
        String sql = """
                select v.id, v.kinds, v.skills, rp.max_hours_per_week, rp.preferred_post_ids
                from volunteer v left join roster_preference rp on rp.volunteer_id = v.id
                where v.community_id = $1 and v.active order by v.id""";
        return tx.preparedQuery(sql).execute(Tuple.of(communityId)).chain(rows -> {
            List<Long> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getLong("id")));
            return availabilities.ofPool(tx, ids, from, to).map(available -> {
                Map<Long, Person> people = new LinkedHashMap<>();
                for (Row r : rows) {
                    long id = r.getLong("id");
                    Integer maxHours = r.getInteger("max_hours_per_week");
                    Long[] preferred = r.getArrayOfLongs("preferred_post_ids");
                    people.put(id, new Person(id, Arrays.asList(r.getArrayOfStrings("kinds")),
                            Arrays.asList(r.getArrayOfStrings("skills")),
                            available.getOrDefault(id, Availability.always(roster.zone())),
                            maxHours == null ? null : maxHours * 60,
                            preferred == null ? Set.of() : Set.of(preferred)));
                }
                return people;
            });
        });
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> shifts(SqlClient tx, long communityId, OffsetDateTime from,
                                                              OffsetDateTime to, Long[] postIds, Long responseId) {
        String sql = """
                select s.id, s.post_id, lower(s.during) as s_start, upper(s.during) as s_end, s.required_headcount,
                       p.name as post_name, p.allowed_kinds, p.required_skill,
                       (select count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') as filled
                from shift s join duty_post p on p.id = s.post_id
                where p.community_id = $1 and not s.cancelled and p.closed_reason is null
                  and lower(s.during) >= $2 and lower(s.during) < $3 and lower(s.during) > now()
                  and (p.active_from is null or lower(s.during) >= p.active_from)
                  and (p.active_until is null or lower(s.during) < p.active_until)
                  and (cardinality($4::bigint[]) = 0 or p.id = any($4))
                  and ($5::bigint is null or p.response_id = $5)
                order by lower(s.during), p.id, s.id""";
        return tx.preparedQuery(sql).execute(Tuple.of(communityId, from, to, postIds, responseId));
    }

    /** The pool's active assignments that rest and 24 h rules reach from the window: pinned places. */
    private Uni<RosterPlan> kept(SqlClient tx, Map<Long, Person> people, OffsetDateTime from, OffsetDateTime to,
                              Limits limits, List<Place> places) {
        Duration reach = Duration.ofHours(24).plus(limits.minRest());
        String sql = """
                select a.shift_id, a.volunteer_id, lower(a.during) as s_start, upper(a.during) as s_end, s.post_id
                from assignment a join shift s on s.id = a.shift_id
                where a.volunteer_id = any($1) and a.status = 'ACTIVE' and a.during && tstzrange($2, $3)""";
        return tx.preparedQuery(sql)
                .execute(Tuple.of(people.keySet().toArray(Long[]::new), from.minus(reach), to.plus(reach)))
                .map(rows -> {
                    for (Row r : rows) {
                        Interval interval = new Interval(r.getOffsetDateTime("s_start"), r.getOffsetDateTime("s_end"));
                        places.add(new Place(places.size() + 1, r.getLong("shift_id"), r.getLong("post_id"), interval,
                                interval.start().atZoneSameInstant(roster.zone()).toLocalDate(),
                                new Qualification("", List.of(), null), limits, true, people.get(r.getLong("volunteer_id"))));
                    }
                    return new RosterPlan(new ArrayList<>(people.values()), places);
                });
    }
}
