package org.epicontrol.gateway.subscribe;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds what one client connection has been sent but not yet taken: a write counts until its connection has handed
 * it to the network. A client that lets {@code max} writes pile up is too slow; {@link #offer} then refuses, and the
 * transport drops the client instead of buffering without bound.
 */
final class Outbox {
    private final int max;
    private final AtomicInteger pending = new AtomicInteger();

    Outbox(int max) {
        this.max = Math.max(1, max);
    }

    /** Runs {@code write} unless {@code max} writes are pending; false = the client is too slow. */
    boolean offer(Supplier<Future<Void>> write) {
        if (pending.incrementAndGet() > max) {
            pending.decrementAndGet();
            return false;
        }
        Future<Void> written;
        try {
            written = write.get();
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        written.onComplete(ar -> pending.decrementAndGet());
        return true;
    }

    int pending() {
        return pending.get();
    }

    int max() {
        return max;
    }
}
