package org.epicontrol.roster.rostering;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** {@code rostering.*}: the bounds of auto-rostering (issue 16), checked before any work starts. */
@ConfigMapping(prefix = "rostering")
public interface RosteringConfig {

    /** The solver's time budget when the caller names none. */
    @WithDefault("PT10S")
    Duration defaultTimeBudget();

    /** The largest time budget a caller may ask for. */
    @WithDefault("PT60S")
    Duration maxTimeBudget();

    /** The longest window a proposal may cover. */
    @WithDefault("14")
    int maxWindowDays();

    /** The most open places one proposal may hold. */
    @WithDefault("2000")
    int maxPlaces();

    /** Proposals queued or solving at once in the service; one more is refused with TOO_MANY_PROPOSALS. */
    @WithDefault("20")
    int maxPending();

    /**
     * A solve ends before its budget once its best score has gained less than {@link #unimprovedThreshold} over this
     * long (PT0S: only the budget ends it).
     */
    @WithDefault("PT5S")
    Duration unimprovedLimit();

    /**
     * The least gain over {@link #unimprovedLimit} that keeps a solve going, a score: any place more filled counts;
     * "none": any gain at all.
     */
    @WithDefault("0hard/0medium/1000soft")
    String unimprovedThreshold();

    /** How often progress is written and told to subscribers while solving, at most. */
    @WithDefault("PT0.5S")
    Duration progressEvery();

    /**
     * Soft weights by constraint name ({@code rostering.weights."hours spread fairly"=2}); a constraint not named keeps
     * its default of RosterConstraints.
     */
    Map<String, Long> weights();
}
