package org.epicontrol.roster.request;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.alert.AlertKind;
import org.epicontrol.roster.alert.Audience;
import org.epicontrol.roster.config.RosterConfig;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Escalates requests still open: level 1 (an alert to the community's admins) when past their due time, or URGENT /
 * EMERGENCY and nobody assigned {@code requests.urgent-unassigned-after} after they came in; level 2 (an alert to the
 * district's officers) when still open {@code requests.escalate-after} after level 1. A closed or cancelled request
 * never escalates further. Safe with several replicas: due requests are claimed {@code for no key update skip locked}
 * (a replica skips the rows another is escalating; a row escalated meanwhile no longer matches), the level moves in
 * the same statement, and the alerts' unique index (request, kind, audience, unit) keeps each level to one alert.
 * The alerts are the suite's alerts: acknowledged, listed and pushed (alertRaised) like a response's.
 */
@ApplicationScoped
public class RequestEscalations {

    private static final String CLAIM = """
            with due as (
              select q.id from resident_request q
              where q.status in ('OPEN', 'ASSIGNED') and %s
              order by q.due_at, q.id limit $3
              for no key update of q skip locked)
            update resident_request q set escalation_level = %d, escalated_at = $1
            from due, org_unit c where q.id = due.id and c.id = q.community_id
            returning q.id, q.community_id, c.path_ids[1] as district_id, q.kind, q.urgency, q.description, q.due_at,
              q.due_at <= $1 as overdue""";
    // level 1: past due, or urgent and still unassigned at $2 (= now - urgent-unassigned-after)
    private static final String LEVEL_ONE = String.format(CLAIM, "q.escalation_level = 0 and (q.due_at <= $1"
            + " or (q.status = 'OPEN' and q.urgency in ('URGENT', 'EMERGENCY') and q.received_at <= $2))", 1);
    // level 2: escalated to level 1 at or before $2 (= now - escalate-after)
    private static final String LEVEL_TWO = String.format(CLAIM, "q.escalation_level = 1 and q.escalated_at <= $2", 2);
    private static final String RAISE = """
            insert into alert (kind, audience, audience_unit_id, community_id, district_id, request_id, request_level,
              message, created_at)
            select $1, $2, u.unit, u.community, u.district, u.request, $3, u.message, $4
            from unnest($5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[])
              as u(unit, community, district, request, message)
            on conflict (request_id, kind, audience, audience_unit_id) where request_id is not null
              and escalation_of is null do nothing
            returning id""";

    private final Pool pool;
    private final RequestsConfig config;
    private final RosterConfig roster;

    public RequestEscalations(Pool pool, RequestsConfig config, RosterConfig roster) {
        this.pool = pool;
        this.config = config;
        this.roster = roster;
    }

    /** Escalates what is due at {@code now} (one batch per level); answers the ids of the alerts raised. */
    public Uni<List<Long>> escalateDue(OffsetDateTime now) {
        OffsetDateTime at = now.truncatedTo(ChronoUnit.MICROS);
        return level(at, LEVEL_TWO, at.minus(config.escalateAfter()), Audience.DISTRICT_OFFICERS, 2,
                        r -> RequestMessages.levelTwo(r, config.escalateAfter()), RequestMessages.Escalated::districtId)
                .chain(two -> level(at, LEVEL_ONE, at.minus(config.urgentUnassignedAfter()), Audience.COMMUNITY_ADMINS,
                        1, r -> RequestMessages.levelOne(r, config.urgentUnassignedAfter(), roster.zone()),
                        RequestMessages.Escalated::communityId)
                        .map(one -> {
                            List<Long> raised = new ArrayList<>(two);
                            raised.addAll(one);
                            return raised;
                        }));
    }

    private Uni<List<Long>> level(OffsetDateTime now, String claim, OffsetDateTime cutoff, Audience audience,
                                  int level, Function<RequestMessages.Escalated, String> words,
                                  Function<RequestMessages.Escalated, Long> unitOf) {
        return pool.withTransaction(tx -> tx.preparedQuery(claim)
                .execute(Tuple.of(now, cutoff, config.escalationBatch()))
                .chain(rows -> {
                    List<RequestMessages.Escalated> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(escalated(row)));
                    return claimed.isEmpty() ? Uni.createFrom().item(List.<Long>of())
                            : raise(tx, now, audience, level, claimed, words, unitOf);
                }));
    }

    private static Uni<List<Long>> raise(SqlConnection tx, OffsetDateTime now, Audience audience, int level,
                                         List<RequestMessages.Escalated> claimed,
                                         Function<RequestMessages.Escalated, String> words,
                                         Function<RequestMessages.Escalated, Long> unitOf) {
        Tuple args = Tuple.of(AlertKind.REQUEST_ESCALATED.name(), audience.name(), level, now)
                .addArrayOfLong(claimed.stream().map(unitOf).toArray(Long[]::new))
                .addArrayOfLong(claimed.stream().map(RequestMessages.Escalated::communityId).toArray(Long[]::new))
                .addArrayOfLong(claimed.stream().map(RequestMessages.Escalated::districtId).toArray(Long[]::new))
                .addArrayOfLong(claimed.stream().map(RequestMessages.Escalated::id).toArray(Long[]::new))
                .addArrayOfString(claimed.stream().map(words).toArray(String[]::new));
        return tx.preparedQuery(RAISE).execute(args).map(rows -> {
            List<Long> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getLong("id")));
            return ids;
        });
    }

    private static RequestMessages.Escalated escalated(Row row) {
        return new RequestMessages.Escalated(row.getLong("id"), row.getLong("community_id"),
                row.getLong("district_id"), RequestKind.valueOf(row.getString("kind")),
                RequestUrgency.valueOf(row.getString("urgency")), row.getString("description"),
                row.getOffsetDateTime("due_at"), row.getBoolean("overdue"));
    }
}
