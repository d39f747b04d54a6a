package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/**
 * When a solve stops, the same for the service and the benchmark: at the caller's time budget, or earlier once the
 * best score has gained less than {@code threshold} over the last {@code unimproved} (a score such as
 * {@code 0hard/0medium/1000soft}: any place more filled counts, fairness must gain a thousand; null: any gain
 * counts, so only a best score standing still that long ends it). The construction heuristic (hardest places
 * first: {@link PlaceDifficulty}) is {@code solverConfig.xml}'s.
 */
public record SolverSettings(Duration unimproved, String threshold) {

    public TerminationConfig termination(Duration budget) {
        TerminationConfig stop = new TerminationConfig().withSpentLimit(budget);
        if (unimproved != null && !unimproved.isZero()) {
            stop.setUnimprovedSpentLimit(unimproved);
            if (threshold != null && !threshold.isBlank()) {
                stop.setUnimprovedScoreDifferenceThreshold(threshold);
            }
        }
        return stop;
    }
}
