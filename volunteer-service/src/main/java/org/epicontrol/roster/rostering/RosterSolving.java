package org.epicontrol.roster.rostering;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.rostering.solver.OpenReason;
import org.epicontrol.roster.rostering.solver.Review;
import org.epicontrol.roster.rostering.solver.RosterPlan;
import org.epicontrol.roster.rostering.solver.SolverSettings;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Solves stored proposals on Timefold's solver manager: its own bounded pool of solver threads
 * ({@code quarkus.timefold.solver-manager.parallel-solver-count}), never the event loop. While solving, the best
 * score and places filled are written at most every {@code rostering.progress-every} and told to subscribers; at the
 * end the plan is reviewed ({@link Review}) and stored with its places.
 */
@ApplicationScoped
public class RosterSolving {

    private static final Logger LOG = Logger.getLogger(RosterSolving.class);

    private final SolverManager<RosterPlan, Long> solvers;
    private final Proposals proposals;
    private final ProposalEvents events;
    private final RosteringConfig config;

    public RosterSolving(SolverManager<RosterPlan, Long> solvers, Proposals proposals, ProposalEvents events,
                         RosteringConfig config) {
        this.solvers = solvers;
        this.proposals = proposals;
        this.events = events;
        this.config = config;
    }

    /** Queues the proposal's plan; answers at once. */
    public void start(long proposalId, RosterPlan plan, Duration budget) {
        if (plan.planned() == 0) {
            // nothing open or movable in the window: done as it is, no solver thread taken
            finish(proposalId, plan);
            return;
        }
        Map<String, HardMediumSoftLongScore> weights = new HashMap<>();
        config.weights().forEach((name, weight) -> weights.put(name, HardMediumSoftLongScore.ofSoft(weight)));
        plan.setWeights(ConstraintWeightOverrides.of(weights));
        int total = (int) plan.total();
        AtomicLong lastTold = new AtomicLong();
        solvers.solveBuilder()
                .withProblemId(proposalId)
                .withProblem(plan)
                .withConfigOverride(new SolverConfigOverride<RosterPlan>()
                        .withTerminationConfig(new SolverSettings(config.unimprovedLimit(),
                                "none".equals(config.unimprovedThreshold()) ? null : config.unimprovedThreshold())
                                .termination(budget)))
                .withBestSolutionEventConsumer(event -> {
                    RosterPlan best = event.solution();
                    long now = System.nanoTime();
                    long last = lastTold.get();
                    if (now - last >= config.progressEvery().toNanos() && lastTold.compareAndSet(last, now)) {
                        String score = String.valueOf(best.getScore());
                        events.tell(new ProposalProgress(String.valueOf(proposalId), ProposalStatus.SOLVING, score, total,
                                (int) best.filled()));
                        proposals.progress(proposalId, score, best.filled()).subscribe().with(ok -> { },
                                e -> LOG.warnf(e, "progress of roster proposal %d not stored", proposalId));
                    }
                })
                .withFinalBestSolutionEventConsumer(event -> finish(proposalId, event.solution()))
                .withExceptionHandler((id, e) -> fail(proposalId, e))
                .run();
    }

    private void finish(long proposalId, RosterPlan best) {
        Map<Integer, OpenReason> reasons = Review.settle(best);
        proposals.finish(proposalId, best, reasons)
                .chain(() -> proposals.byId(proposalId))
                .subscribe().with(p -> events.tell(ProposalProgress.of(p)), e -> fail(proposalId, e));
    }

    private void fail(long proposalId, Throwable e) {
        LOG.errorf(e, "roster proposal %d failed", proposalId);
        proposals.fail(proposalId, String.valueOf(e.getMessage()))
                .chain(() -> proposals.byId(proposalId))
                .subscribe().with(p -> events.tell(ProposalProgress.of(p)),
                        again -> LOG.errorf(again, "roster proposal %d: the failure was not stored", proposalId));
    }
}
