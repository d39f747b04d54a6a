package org.epicontrol.roster.feed;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler that records every attempt (sequence and whether it succeeded) as it ends, and
 * can be told to fail an event a number of times, to hold an event until released, or to take a while. It also
 * records how many attempts ran at once and whether each ran on a safe duplicated Vert.x context.
 */
final class Recorder implements AreaEventHandler {

    record Attempt(long sequence, boolean succeeded) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Long, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile boolean allOnSafeContexts = true;
    private volatile Duration takes = Duration.ZERO;

    @Override
    public Uni<Void> handle(AreaEvent event) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        allOnSafeContexts &= VertxContext.isOnDuplicatedContext()
                && VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(Vertx.currentContext());
        long sequence = event.sequence();
        started(sequence).complete(null);
        AtomicInteger toFail = failures.get(sequence);
        boolean fails = toFail != null && toFail.getAndDecrement() > 0;
        Uni<Void> work = Uni.createFrom().completionStage(holds.getOrDefault(sequence, CompletableFuture.completedFuture(null)));
        if (!takes.isZero()) {
            work = work.onItem().delayIt().by(takes);
        }
        return work.chain(() -> {
            running.decrementAndGet();
            synchronized (attempts) {
                attempts.add(new Attempt(sequence, !fails));
            }
            return fails ? Uni.createFrom().failure(new IllegalStateException("told to fail " + sequence))
                    : Uni.createFrom().voidItem();
        });
    }

    void failTimes(long sequence, int times) {
        failures.put(sequence, new AtomicInteger(times));
    }

    /** Holds the event until the answer is completed. */
    CompletableFuture<Void> hold(long sequence) {
        return holds.computeIfAbsent(sequence, s -> new CompletableFuture<>());
    }

    /** Completes when an attempt at the event has started. */
    CompletableFuture<Void> started(long sequence) {
        return started.computeIfAbsent(sequence, s -> new CompletableFuture<>());
    }

    void takes(Duration each) {
        takes = each;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The sequences handled successfully, in order. */
    List<Long> handled() {
        return attempts().stream().filter(Attempt::succeeded).map(Attempt::sequence).toList();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    boolean allOnSafeContexts() {
        return allOnSafeContexts;
    }

    void clear() {
        synchronized (attempts) {
            attempts.clear();
        }
    }
}
