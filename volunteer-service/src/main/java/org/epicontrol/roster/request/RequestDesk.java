package org.epicontrol.roster.request;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.persistence.SessionSql;
import org.epicontrol.roster.task.Texts;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The writes of residents' requests (Panache): taken, assigned, closed, cancelled. Each runs in the permit's
 * transaction (the named objects checked first, on the session's connection) with the request's row locked
 * (PESSIMISTIC_WRITE: {@code for no key update} on PostgreSQL, which does not wait on the permit's key-share lock):
 * of two concurrent closes the second waits, then finds the request no longer open and gets INVALID_TRANSITION.
 * Every change is on the audit trail, in the same transaction.
 */
@ApplicationScoped
public class RequestDesk {

    // the unit named as the community, and whether the household is an active one of it
    private static final String PLACE = "select o.kind, (select h.community_id = o.id and h.active from household h"
            + " where h.id = $2) as household_ok from org_unit o where o.id = $1";
    private static final String VOLUNTEER = "select community_id, active from volunteer where id = $1";
    private static final String TEAM = "select community_id from team where id = $1";

    private final AuditTrail audit;
    private final RequestsConfig config;

    public RequestDesk(AuditTrail audit, RequestsConfig config) {
        this.audit = audit;
        this.config = config;
    }

    /** A new OPEN request, due {@code requests.respond-within} of its urgency after {@code now}. */
    public Uni<ResidentRequest> take(RequestInput input, Long householdId, OffsetDateTime now, Permit permit) {
        long communityId = Long.parseLong(input.communityId());
        String description = Texts.required(input.description(), 1000, "description");
        RequestChannel channel = RequestChannel.of(input.channel());
        OffsetDateTime received = now.truncatedTo(ChronoUnit.MICROS);
        return permit.sessionTransaction((session, sql, actor) -> placeOf(sql, communityId, householdId).chain(() -> {
            ResidentRequestEntity request = new ResidentRequestEntity();
            request.communityId = communityId;
            request.householdId = householdId;
            request.kind = input.kind();
            request.urgency = input.urgency();
            request.description = description;
            request.channel = channel.name();
            request.takenBy = actor.username();
            request.takenBySubject = actor.subject();
            request.receivedAt = received;
            request.dueAt = received.plus(config.respondWithin().of(input.urgency()));
            request.status = RequestStatus.OPEN;
            Map<String, Object> details = new HashMap<>(Map.of("communityId", communityId,
                    "kind", input.kind().name(), "urgency", input.urgency().name(), "channel", channel.name()));
            if (householdId != null) {
                details.put("householdId", householdId);
            }
            return request.<ResidentRequestEntity>persistAndFlush()
                    .call(() -> audit.record(sql, actor, "TAKE_REQUEST", "ResidentRequest", request.id, details));
        })).map(request -> request.view(now));
    }

    /** OPEN or ASSIGNED → ASSIGNED to a volunteer of the request's community, or a team of it or a city-wide one. */
    public Uni<ResidentRequest> assign(long id, Long volunteerId, Long teamId, OffsetDateTime now, Permit permit) {
        if ((volunteerId == null) == (teamId == null)) {
            throw DomainException.invalid("assignRequest: name either a volunteer or a team");
        }
        return permit.sessionTransaction((session, sql, actor) -> locked(id, "assigned")
                .call(request -> assignable(sql, request.communityId, volunteerId, teamId))
                .call(request -> {
                    request.status = RequestStatus.ASSIGNED;
                    request.assigneeId = volunteerId;
                    request.teamId = teamId;
                    request.assignedAt = now.truncatedTo(ChronoUnit.MICROS);
                    return session.flush().chain(() -> audit.record(sql, actor, "ASSIGN_REQUEST", "ResidentRequest",
                            id, volunteerId != null ? Map.of("volunteerId", volunteerId) : Map.of("teamId", teamId)));
                })).map(request -> request.view(now));
    }

    /** OPEN or ASSIGNED → DONE with what was done. */
    public Uni<ResidentRequest> close(long id, String outcome, OffsetDateTime now, Permit permit) {
        String what = Texts.required(outcome, 1000, "outcome");
        return finish(id, RequestStatus.DONE, "closed", "CLOSE_REQUEST", now, permit, r -> r.outcome = what);
    }

    /** OPEN or ASSIGNED → CANCELLED with the reason. */
    public Uni<ResidentRequest> cancel(long id, String reason, OffsetDateTime now, Permit permit) {
        String why = Texts.required(reason, 500, "reason");
        return finish(id, RequestStatus.CANCELLED, "cancelled", "CANCEL_REQUEST", now, permit,
                r -> r.cancelReason = why);
    }

    private Uni<ResidentRequest> finish(long id, RequestStatus status, String verb, String action, OffsetDateTime now,
                                        Permit permit, Consumer<ResidentRequestEntity> why) {
        return permit.sessionTransaction((session, sql, actor) -> locked(id, verb).call(request -> {
            request.status = status;
            request.closedAt = now.truncatedTo(ChronoUnit.MICROS);
            why.accept(request);
            return session.flush().chain(() -> audit.record(sql, actor, action, "ResidentRequest", id,
                    Map.of("status", status.name())));
        })).map(request -> request.view(now));
    }

    /** The request, its row locked for this transaction; it must still be open to be {@code verb}. */
    private static Uni<ResidentRequestEntity> locked(long id, String verb) {
        return ResidentRequestEntity.<ResidentRequestEntity>findById(id, LockModeType.PESSIMISTIC_WRITE).map(request -> {
            if (request == null) {
                throw DomainException.notFound("request", id);
            }
            if (!request.status.open()) {
                throw new DomainException("INVALID_TRANSITION", "request " + id + " is " + request.status
                        + "; only an OPEN or ASSIGNED request can be " + verb);
            }
            return request;
        });
    }

    /** The community must be one, the household (if any) an active household of it. */
    private static Uni<Void> placeOf(SessionSql sql, long communityId, Long householdId) {
        return sql.select(PLACE, communityId, householdId).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound("community", communityId);
            }
            String kind = (String) rows.get(0)[0];
            if (!"COMMUNITY".equals(kind)) {
                throw DomainException.invalid("a request is taken for a community; unit " + communityId + " is a "
                        + kind.toLowerCase(Locale.ROOT));
            }
            Boolean householdOk = (Boolean) rows.get(0)[1];
            if (householdId != null && householdOk == null) {
                throw DomainException.notFound("household", householdId);
            }
            if (householdId != null && !householdOk) {
                throw DomainException.invalid("household " + householdId + " is not an active household of"
                        + " community " + communityId);
            }
            return null;
        });
    }

    /** The assignee must be an active volunteer of the community; a team, the community's or a city-wide one. */
    private static Uni<Void> assignable(SessionSql sql, long communityId, Long volunteerId, Long teamId) {
        if (volunteerId != null) {
            return sql.select(VOLUNTEER, volunteerId).map(rows -> {
                if (rows.isEmpty()) {
                    throw DomainException.notFound("volunteer", volunteerId);
                }
                if (((Long) rows.get(0)[0]) != communityId || !((Boolean) rows.get(0)[1])) {
                    throw DomainException.invalid("volunteer " + volunteerId
                            + " is not an active volunteer of the request's community");
                }
                return null;
            });
        }
        return sql.select(TEAM, teamId).map(rows -> {
            if (rows.isEmpty()) {
                throw DomainException.notFound("team", teamId);
            }
            Long of = (Long) rows.get(0)[0];
            if (of != null && of != communityId) {
                throw DomainException.invalid("team " + teamId + " belongs to another community");
            }
            return null;
        });
    }
}
