package org.epicontrol.roster.response;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code responses.*}: how far ahead a response plans its shifts, and what "staffed" looks at. */
@ConfigMapping(prefix = "responses")
public interface ResponsesConfig {

    /** Shifts (and daily tasks) generated ahead when a response opens, in whole days (1 to 62). */
    @WithDefault("P7D")
    Duration shiftHorizon();

    /** A response is STAFFED when every place of its posts' shifts in this window from now is filled. */
    @WithDefault("PT24H")
    Duration staffedWindow();
}
