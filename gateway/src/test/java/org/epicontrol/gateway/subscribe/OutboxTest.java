package org.epicontrol.gateway.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound on what a client connection has not taken yet. */
class OutboxTest {

    @Test
    void refusesOnceMaxWritesArePendingAndTakesMoreWhenOneCompletes() {
        Outbox outbox = new Outbox(3);
        List<Promise<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertTrue(outbox.offer(() -> {
                Promise<Void> p = Promise.promise();
                writes.add(p);
                return p.future();
            }));
        }
        assertFalse(outbox.offer(() -> {
            throw new AssertionError("a write past the bound must not be started");
        }));
        writes.get(0).complete();
        assertEquals(2, outbox.pending());
        assertTrue(outbox.offer(() -> Promise.<Void>promise().future()));
        assertEquals(3, outbox.pending());
    }

    @Test
    void failedWritesFreeTheirPlaceToo() {
        Outbox outbox = new Outbox(1);
        Promise<Void> write = Promise.promise();
        assertTrue(outbox.offer(write::future));
        write.fail("connection reset");
        assertEquals(0, outbox.pending());
    }
}
