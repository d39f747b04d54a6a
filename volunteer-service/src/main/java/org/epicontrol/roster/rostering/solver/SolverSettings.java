package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.config.solver.termination.DiminishedReturnsTerminationConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/**
 * When a solve stops, the same for the service and the benchmark: at the caller's time budget, or earlier once the
 * best score has not improved for {@code unimproved}, or once improvements have dwindled (Timefold's diminished
 * returns: over the last {@code window}, less than {@code minimumImprovementRatio} of what the first window gained).
 * The construction heuristic (hardest places first: {@link PlaceDifficulty}) is {@code solverConfig.xml}'s.
 */
public record SolverSettings(Duration unimproved, Duration window, double minimumImprovementRatio) {

    public TerminationConfig termination(Duration budget) {
        TerminationConfig stop = new TerminationConfig().withSpentLimit(budget);
        if (unimproved != null && !unimproved.isZero()) {
            stop.setUnimprovedSpentLimit(unimproved);
        }
        if (window != null && !window.isZero()) {
            stop.setDiminishedReturnsConfig(new DiminishedReturnsTerminationConfig().withSlidingWindowDuration(window)
                    .withMinimumImprovementRatio(minimumImprovementRatio));
        }
        return stop;
    }
}
