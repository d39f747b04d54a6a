package org.epicontrol.roster.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code requests.*}: response-time targets per urgency and when open requests escalate. */
@ConfigMapping(prefix = "requests")
public interface RequestsConfig {

    /** How soon a request of each urgency must be answered: its due time is received + this. */
    RespondWithin respondWithin();

    /** How often each replica looks for requests to escalate; rows are claimed under lock, so replicas share it. */
    @WithDefault("PT1M")
    Duration escalationCheckEvery();

    /** An URGENT or EMERGENCY request nobody was assigned to this long after it came in escalates (level 1). */
    @WithDefault("PT10M")
    Duration urgentUnassignedAfter();

    /** A request still open this long after level 1 escalates to the district's officers (level 2). */
    @WithDefault("PT1H")
    Duration escalateAfter();

    /** At most this many requests escalate per level in one transaction; the next check takes the rest. */
    @WithDefault("100")
    int escalationBatch();

    interface RespondWithin {
        @WithDefault("PT15M")
        Duration emergency();

        @WithDefault("PT2H")
        Duration urgent();

        @WithDefault("PT24H")
        Duration routine();

        default Duration of(RequestUrgency urgency) {
            return switch (urgency) {
                case EMERGENCY -> emergency();
                case URGENT -> urgent();
                case ROUTINE -> routine();
            };
        }
    }
}
