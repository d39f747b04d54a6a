package org.epicontrol.roster.shift;

import java.time.Duration;

/** The working-time limits in force for one community. */
public record Limits(Duration maxPer24h, Duration minRest) {
}
