package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.rostering.solver.RosterPlan;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * proposeRoster: checks the bounds, reads the problem and stores the proposal in one transaction (the permit's),
 * then hands the plan to the solver and answers the stored proposal at once.
 */
@ApplicationScoped
public class RosterProposing {

    private final Pool pool;
    private final RosterProblems problems;
    private final Proposals proposals;
    private final RosterSolving solving;
    private final AuditTrail audit;
    private final RosteringConfig config;

    public RosterProposing(Pool pool, RosterProblems problems, Proposals proposals, RosterSolving solving,
                           AuditTrail audit, RosteringConfig config) {
        this.pool = pool;
        this.problems = problems;
        this.proposals = proposals;
        this.solving = solving;
        this.audit = audit;
        this.config = config;
    }

    /** What was asked, checked: the window, the budget, the posts. */
    public record Request(long communityId, OffsetDateTime from, OffsetDateTime to, Duration budget, Long[] postIds,
                          Long responseId, boolean allowMoves) {
    }

    public Request check(long communityId, OffsetDateTime from, OffsetDateTime to, Integer budgetSeconds,
                         Long[] postIds, Long responseId, boolean allowMoves) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("the window must end after it starts");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(config.maxWindowDays())) > 0) {
            throw DomainException.invalid("a proposal covers at most " + config.maxWindowDays() + " days");
        }
        Duration budget = budgetSeconds == null ? config.defaultTimeBudget() : Duration.ofSeconds(budgetSeconds);
        if (budget.compareTo(Duration.ofSeconds(1)) < 0 || budget.compareTo(config.maxTimeBudget()) > 0) {
            throw DomainException.invalid("timeBudgetSeconds lies between 1 and " + config.maxTimeBudget().toSeconds());
        }
        if (postIds.length > config.maxPlaces()) {
            throw DomainException.invalid("too many posts");
        }
        return new Request(communityId, from, to, budget, postIds, responseId, allowMoves);
    }

    public Uni<RosterProposal> propose(Request request, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> checkCommunity(tx, request)
                        .chain(() -> proposals.pending(tx))
                        .chain(pending -> {
                            if (pending >= config.maxPending()) {
                                throw new DomainException("TOO_MANY_PROPOSALS", pending
                                        + " proposals are being solved; try again when one is done");
                            }
                            return problems.load(tx, request.communityId(), request.from(), request.to(),
                                    request.postIds(), request.responseId(), request.allowMoves());
                        })
                        .chain(plan -> {
                            if (plan.planned() > config.maxPlaces()) {
                                throw new DomainException("TOO_MANY_PLACES", "the window holds " + plan.planned()
                                        + " open (or, moves allowed, movable) places; at most " + config.maxPlaces()
                                        + " in one proposal");
                            }
                            return proposals.create(tx, request.communityId(), request.from(), request.to(),
                                            request.responseId(), request.postIds(), request.budget().toMillis(),
                                            (int) plan.total(), request.allowMoves(), actor.username())
                                    .call(id -> {
                                        Map<String, Object> details = new HashMap<>();
                                        details.put("from", request.from().toString());
                                        details.put("to", request.to().toString());
                                        details.put("places", plan.total());
                                        details.put("responseId", request.responseId());
                                        details.put("allowMoves", request.allowMoves());
                                        return audit.record(tx, actor, "PROPOSE_ROSTER", "RosterProposal", id, details);
                                    })
                                    .map(id -> new Queued(id, plan));
                        }))
                .invoke(queued -> solving.start(queued.id(), queued.plan(), request.budget()))
                .chain(queued -> proposals.byId(queued.id()));
    }

    private record Queued(long id, RosterPlan plan) {
    }

    /** The community is one, and a response named is one of its own. */
    private static Uni<Void> checkCommunity(SqlClient tx, Request request) {
        return tx.preparedQuery("select (select kind from org_unit where id = $1) as kind,"
                        + " (select community_id from response where id = $2) as response_community")
                .execute(Tuple.of(request.communityId(), request.responseId()))
                .invoke(rows -> {
                    var row = rows.iterator().next();
                    if (!"COMMUNITY".equals(row.getString("kind"))) {
                        throw DomainException.notFound("community", request.communityId());
                    }
                    if (request.responseId() != null && !Long.valueOf(request.communityId())
                            .equals(row.getLong("response_community"))) {
                        throw new DomainException("RESPONSE_NOT_IN_COMMUNITY", "response " + request.responseId()
                                + " is not a response of community " + request.communityId());
                    }
                })
                .replaceWithVoid();
    }
}
