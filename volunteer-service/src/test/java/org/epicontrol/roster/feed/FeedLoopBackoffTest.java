package org.epicontrol.roster.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedLoopBackoffTest {

    @Test
    void retriesBackOffByDoublingUpToTheMaximum() {
        Duration initial = Duration.ofMillis(500);
        Duration max = Duration.ofSeconds(30);

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L),
                List.of(1, 2, 3, 4, 5, 6, 7, 1000).stream()
                        .map(n -> FeedLoop.backoff(initial, max, n).toMillis()).toList());
    }
}
