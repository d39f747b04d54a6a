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
import org.epicontrol.roster.shift.CommunityLimits;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the planning problem of a proposal (SQL, on the caller's connection): the open places of the community's
 * coming shifts in the window (optionally of some posts, or of a response's posts), its active volunteers with their
 * availability, preferences and teams, their assignments near the window (kept; with moves allowed, those on the
 * shifts being planned are held places instead: movable), and the community's roster limits.
 */
@ApplicationScoped
public class RosterProblems {

    private final RosterConfig roster;
    private final CommunityLimits communityLimits;
    private final Availabilities availabilities;

    public RosterProblems(RosterConfig roster, CommunityLimits communityLimits, Availabilities availabilities) {
        this.roster = roster;
        this.communityLimits = communityLimits;
        this.availabilities = availabilities;
    }

    /** A shift being planned: what its places need to know. */
    private record Planned(Interval interval, long postId, Qualification qualification, boolean asksForTeam) {
    }

    /** @param allowMoves the pool's assignments on the shifts being planned become held places (movable) */
    public Uni<RosterPlan> load(SqlClient tx, long communityId, OffsetDateTime from, OffsetDateTime to, Long[] postIds,
                                Long responseId, boolean allowMoves) {
        return communityLimits.of(tx, communityId).chain(limits -> pool(tx, communityId, from, to)
                .chain(people -> shifts(tx, communityId, from, to, postIds, responseId).chain(shifts -> {
                    List<Place> places = new ArrayList<>();
                    Map<Long, Planned> planned = new HashMap<>();
                    for (Row s : shifts) {
                        Planned shift = new Planned(new Interval(s.getOffsetDateTime("s_start"), s.getOffsetDateTime("s_end")),
                                s.getLong("post_id"), Qualification.of(s.getString("post_name"),
                                        s.getArrayOfStrings("allowed_kinds"), s.getString("required_skill")),
                                s.getBoolean("asks_for_team"));
                        planned.put(s.getLong("id"), shift);
                        int free = s.getInteger("required_headcount") - s.getLong("filled").intValue();
                        for (int i = 0; i < free; i++) {
                            places.add(place(places.size() + 1, s.getLong("id"), shift, limits, false, null));
                        }
                    }
                    return kept(tx, people, from, to, limits, places, allowMoves ? planned : Map.of());
                })));
    }

    private Place place(int no, long shiftId, Planned shift, Limits limits, boolean kept, Person person) {
        return new Place(no, shiftId, shift.postId(), shift.interval(),
                shift.interval().start().atZoneSameInstant(roster.zone()).toLocalDate(), shift.qualification(), limits,
                kept, person).askingForTeam(shift.asksForTeam());
    }

    private Uni<Map<Long, Person>> pool(SqlClient tx, long communityId, OffsetDateTime from, OffsetDateTime to) {
        String sql = """
                select v.id, v.kinds, v.skills, rp.max_hours_per_week, rp.preferred_post_ids,
                       array(select tm.team_id from team_member tm where tm.volunteer_id = v.id) as teams
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
                            preferred == null ? Set.of() : Set.of(preferred), Set.of(r.getArrayOfLongs("teams"))));
                }
                return people;
            });
        });
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> shifts(SqlClient tx, long communityId, OffsetDateTime from,
                                                              OffsetDateTime to, Long[] postIds, Long responseId) {
        String sql = """
                select s.id, s.post_id, lower(s.during) as s_start, upper(s.during) as s_end, s.required_headcount,
                       p.name as post_name, p.allowed_kinds, p.required_skill, p.asks_for_team,
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

    /**
     * The pool's active assignments that rest and 24 h rules reach from the window: pinned places; those on a shift in
     * {@code movable} (moves allowed): held places of that shift, starting with their person.
     */
    private Uni<RosterPlan> kept(SqlClient tx, Map<Long, Person> people, OffsetDateTime from, OffsetDateTime to,
                                 Limits limits, List<Place> places, Map<Long, Planned> movable) {
        Duration reach = Duration.ofHours(24).plus(limits.minRest());
        String sql = """
                select a.id, a.shift_id, a.volunteer_id, lower(a.during) as s_start, upper(a.during) as s_end, s.post_id,
                       p.asks_for_team
                from assignment a join shift s on s.id = a.shift_id join duty_post p on p.id = s.post_id
                where a.volunteer_id = any($1) and a.status = 'ACTIVE' and a.during && tstzrange($2, $3)
                order by lower(a.during), a.id""";
        return tx.preparedQuery(sql)
                .execute(Tuple.of(people.keySet().toArray(Long[]::new), from.minus(reach), to.plus(reach)))
                .map(rows -> {
                    for (Row r : rows) {
                        Person person = people.get(r.getLong("volunteer_id"));
                        Planned held = movable.get(r.getLong("shift_id"));
                        if (held != null) {
                            places.add(place(places.size() + 1, r.getLong("shift_id"), held, limits, false, person)
                                    .holding(r.getLong("id")));
                            continue;
                        }
                        Interval interval = new Interval(r.getOffsetDateTime("s_start"), r.getOffsetDateTime("s_end"));
                        places.add(place(places.size() + 1, r.getLong("shift_id"), new Planned(interval,
                                r.getLong("post_id"), KEPT, r.getBoolean("asks_for_team")), limits, true, person));
                    }
                    return new RosterPlan(new ArrayList<>(people.values()), places);
                });
    }

    /** A kept place's qualification is not judged (it is on the roster already). */
    private static final Qualification KEPT = new Qualification("", List.of(), null);
}
