package org.epicontrol.gateway.defer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The payloads after the first one of an incrementally delivered response, in order, each
 * {@code {"incremental": [...], "hasNext": ...}}; the last has {@code hasNext: false}. Payloads that arrive before
 * a reader is attached are kept (at most one per deferred fragment) and handed over when it is.
 */
public final class IncrementalStream {
    private final Deque<Map<String, Object>> waiting = new ArrayDeque<>();
    private Consumer<Map<String, Object>> reader;
    private Runnable onEnd;
    private boolean ended;

    /** Attaches the reader: {@code payload} for each payload, then {@code end} once after the last. */
    public synchronized void read(Consumer<Map<String, Object>> payload, Runnable end) {
        this.reader = payload;
        this.onEnd = end;
        while (!waiting.isEmpty()) {
            payload.accept(waiting.poll());
        }
        if (ended) {
            end.run();
        }
    }

    synchronized void push(Map<String, Object> payload) {
        if (reader == null) {
            waiting.add(payload);
        } else {
            reader.accept(payload);
        }
    }

    synchronized void end() {
        ended = true;
        if (onEnd != null) {
            onEnd.run();
        }
    }
}
