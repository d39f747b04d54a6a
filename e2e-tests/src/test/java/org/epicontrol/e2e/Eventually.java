package org.epicontrol.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waiting for what the suite does on its own (a feed consumer handling a publication, a process shutting down): polls
 * until a condition holds. The timeouts are generous bounds so that a broken suite fails instead of hanging, not
 * measurements: speed figures belong to benchmarks/.
 */
final class Eventually {
    private static final Duration PAUSE = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Whether {@code condition} held within {@code timeout}. */
    static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(PAUSE.toMillis());
        }
        return false;
    }

    /**
     * Reads {@code read} until its value satisfies {@code done} and returns that value; fails naming {@code what} and
     * the last value read when it does not within {@code timeout}.
     */
    static <T> T await(Duration timeout, String what, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail(what + " did not happen within " + timeout.toSeconds() + " s; last read: " + last);
    }
}
