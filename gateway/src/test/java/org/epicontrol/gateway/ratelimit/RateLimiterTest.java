package org.epicontrol.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves. */
class RateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(123_456_789L);

    /** Anonymous: 2 per second, 5 at once; signed-in: 10 per second, 3 at once. */
    private RateLimiter limiter(int maxClients) {
        return new RateLimiter(2, 5, 10, 3, maxClients, now::get);
    }

    private static int admitted(RateLimiter limiter, ClientKey client, int tries) {
        int ok = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.tryAcquire(client) == 0) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void aBurstIsAdmittedThenTheNextWaitsOneRefillInterval() {
        RateLimiter limiter = limiter(100);
        ClientKey client = ClientKey.address("10.0.0.1");
        assertEquals(5, admitted(limiter, client, 5));
        assertEquals(SECOND / 2, limiter.tryAcquire(client));
        now.addAndGet(SECOND / 4);
        assertEquals(SECOND / 4, limiter.tryAcquire(client), "refusals take nothing: the wait only shrinks");
    }

    @Test
    void theBucketRefillsAtTheSteadyRateAndNoFurtherThanTheBurst() {
        RateLimiter limiter = limiter(100);
        ClientKey client = ClientKey.address("10.0.0.1");
        admitted(limiter, client, 5);
        now.addAndGet(SECOND);
        assertEquals(2, admitted(limiter, client, 10), "2 per second");
        now.addAndGet(3600 * SECOND);
        assertEquals(5, admitted(limiter, client, 10), "an hour later: a full bucket, not 7200 tokens");
    }

    @Test
    void clientsHaveTheirOwnBucketsAndSignedInCallersTheirOwnLimit() {
        RateLimiter limiter = limiter(100);
        assertEquals(5, admitted(limiter, ClientKey.address("10.0.0.1"), 10));
        assertEquals(5, admitted(limiter, ClientKey.address("10.0.0.2"), 10));
        assertEquals(3, admitted(limiter, ClientKey.subject("alice"), 10));
        assertEquals(3, admitted(limiter, ClientKey.subject("bob"), 10));
        assertEquals(SECOND / 10, limiter.tryAcquire(ClientKey.subject("alice")));
        // a subject that happens to look like an address is still another key
        assertEquals(3, admitted(limiter, ClientKey.subject("10.0.0.1"), 10));
    }

    @Test
    void memoryIsBoundedByClientsAndIdleBucketsAreForgottenOnceFull() {
        RateLimiter limiter = limiter(50);
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire(ClientKey.address("10.0." + i / 256 + "." + i % 256));
        }
        assertTrue(limiter.trackedClients() <= 50, limiter.trackedClients() + " buckets kept");
        now.addAndGet(3 * SECOND); // anonymous buckets are full again after 5 / 2 per second = 2.5 s
        assertEquals(0, limiter.trackedClients());
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(0.001, 1000, 1, 1, 10, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> admitted(limiter, ClientKey.address("10.0.0.1"), 1000));
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertEquals(1000, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonsensicalLimitsAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 5, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 1, Double.NaN, 1, 10));
    }
}
