package org.epicontrol.roster.request;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.task.Texts;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The writes of residents' requests: taken, assigned, closed, cancelled. Each transition runs in the permit's
 * transaction on the request's row locked ({@code for no key update}): of two concurrent closes the second waits,
 * then finds the request no longer open and gets INVALID_TRANSITION; every change is on the audit trail.
 */
@ApplicationScoped
public class RequestDesk {

    private static final String TAKE = "insert into resident_request as q (community_id, household_id, kind, urgency,"
            + " description, channel, taken_by, taken_by_subject, received_at, due_at)"
            + " select o.id, $2, $3, $4, $5, $6, $7, $8, $9, $10 from org_unit o where o.id = $1 and o.kind = 'COMMUNITY'"
            + " and ($2::bigint is null or exists (select 1 from household h where h.id = $2 and h.community_id = o.id"
            + " and h.active)) returning q.id";

    private final Pool pool;
    private final AuditTrail audit;
    private final RequestsConfig config;

    public RequestDesk(Pool pool, AuditTrail audit, RequestsConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    /** A new OPEN request, due {@code requests.respond-within} of its urgency after {@code now}. */
    public Uni<ResidentRequest> take(RequestInput input, Long householdId, OffsetDateTime now, Permit permit) {
        long communityId = Long.parseLong(input.communityId());
        String description = Texts.required(input.description(), 1000, "description");
        RequestChannel channel = RequestChannel.of(input.channel());
        OffsetDateTime due = now.plus(config.respondWithin().of(input.urgency()));
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(TAKE)
                .execute(Tuple.from(Arrays.asList(communityId, householdId, input.kind().name(), input.urgency().name(),
                        description, channel.name(), actor.username(), actor.subject(), now, due)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return whyNotTaken(tx, communityId, householdId);
                    }
                    long id = rows.iterator().next().getLong("id");
                    Map<String, Object> details = new HashMap<>(Map.of("communityId", communityId,
                            "kind", input.kind().name(), "urgency", input.urgency().name(), "channel", channel.name()));
                    if (householdId != null) {
                        details.put("householdId", householdId);
                    }
                    return audit.record(tx, actor, "TAKE_REQUEST", "ResidentRequest", id, details)
                            .chain(() -> Requests.byId(tx, id));
                }));
    }

    /** OPEN or ASSIGNED → ASSIGNED to a volunteer of the request's community, or a team of it or a city-wide one. */
    public Uni<ResidentRequest> assign(long id, Long volunteerId, Long teamId, Permit permit) {
        if ((volunteerId == null) == (teamId == null)) {
            throw DomainException.invalid("assignRequest: name either a volunteer or a team");
        }
        return permit.transaction(pool, (tx, actor) -> locked(tx, id, "assigned").chain(request ->
                assignable(tx, request.getLong("community_id"), volunteerId, teamId).chain(() -> tx.preparedQuery(
                                "update resident_request set status = 'ASSIGNED', assignee_id = $2, team_id = $3,"
                                        + " assigned_at = now(), version = version + 1 where id = $1")
                        .execute(Tuple.of(id, volunteerId, teamId)))
                .chain(() -> audit.record(tx, actor, "ASSIGN_REQUEST", "ResidentRequest", id,
                        volunteerId != null ? Map.of("volunteerId", volunteerId) : Map.of("teamId", teamId)))
                .chain(() -> Requests.byId(tx, id))));
    }

    /** OPEN or ASSIGNED → DONE with what was done. */
    public Uni<ResidentRequest> close(long id, String outcome, Permit permit) {
        String what = Texts.required(outcome, 1000, "outcome");
        return finish(id, "DONE", "closed", "update resident_request set status = 'DONE', outcome = $2,"
                + " closed_at = now(), version = version + 1 where id = $1", what, "CLOSE_REQUEST", permit);
    }

    /** OPEN or ASSIGNED → CANCELLED with the reason. */
    public Uni<ResidentRequest> cancel(long id, String reason, Permit permit) {
        String why = Texts.required(reason, 500, "reason");
        return finish(id, "CANCELLED", "cancelled", "update resident_request set status = 'CANCELLED',"
                + " cancel_reason = $2, closed_at = now(), version = version + 1 where id = $1", why, "CANCEL_REQUEST",
                permit);
    }

    private Uni<ResidentRequest> finish(long id, String status, String verb, String update, String text,
                                        String action, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> locked(tx, id, verb)
                .chain(() -> tx.preparedQuery(update).execute(Tuple.of(id, text)))
                .chain(() -> audit.record(tx, actor, action, "ResidentRequest", id, Map.of("status", status)))
                .chain(() -> Requests.byId(tx, id)));
    }

    /** The request's row locked for this transaction; it must still be open to be {@code verb}. */
    private static Uni<Row> locked(SqlConnection tx, long id, String verb) {
        return tx.preparedQuery("select id, community_id, status from resident_request where id = $1 for no key update")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("request", id);
                    }
                    Row row = rows.iterator().next();
                    RequestStatus status = RequestStatus.valueOf(row.getString("status"));
                    if (!status.open()) {
                        throw new DomainException("INVALID_TRANSITION", "request " + id + " is " + status
                                + "; only an OPEN or ASSIGNED request can be " + verb);
                    }
                    return row;
                });
    }

    /** The assignee must be an active volunteer of the community; a team, the community's or a city-wide one. */
    private static Uni<Void> assignable(SqlConnection tx, long communityId, Long volunteerId, Long teamId) {
        if (volunteerId != null) {
            return tx.preparedQuery("select community_id, active from volunteer where id = $1")
                    .execute(Tuple.of(volunteerId)).map(rows -> {
                        if (rows.size() == 0) {
                            throw DomainException.notFound("volunteer", volunteerId);
                        }
                        Row v = rows.iterator().next();
                        if (v.getLong("community_id") != communityId || !v.getBoolean("active")) {
                            throw DomainException.invalid("volunteer " + volunteerId
                                    + " is not an active volunteer of the request's community");
                        }
                        return null;
                    });
        }
        return tx.preparedQuery("select community_id from team where id = $1").execute(Tuple.of(teamId)).map(rows -> {
            if (rows.size() == 0) {
                throw DomainException.notFound("team", teamId);
            }
            Long of = rows.iterator().next().getLong("community_id");
            if (of != null && of != communityId) {
                throw DomainException.invalid("team " + teamId + " belongs to another community");
            }
            return null;
        });
    }

    /** Nothing was inserted: no such community, or the household is not one of its (active) households. */
    private static Uni<ResidentRequest> whyNotTaken(SqlConnection tx, long communityId, Long householdId) {
        return tx.preparedQuery("select (select kind from org_unit where id = $1) as kind,"
                        + " (select community_id from household where id = $2) as household_community")
                .execute(Tuple.of(communityId, householdId)).map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getString("kind") == null) {
                        throw DomainException.notFound("community", communityId);
                    }
                    if (!"COMMUNITY".equals(row.getString("kind"))) {
                        throw DomainException.invalid("a request is taken for a community; unit " + communityId
                                + " is a " + row.getString("kind").toLowerCase(Locale.ROOT));
                    }
                    if (row.getLong("household_community") == null) {
                        throw DomainException.notFound("household", householdId);
                    }
                    throw DomainException.invalid("household " + householdId + " is not an active household of"
                            + " community " + communityId);
                });
    }
}
