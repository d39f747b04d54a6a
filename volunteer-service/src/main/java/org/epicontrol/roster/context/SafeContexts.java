package org.epicontrol.roster.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Hibernate Reactive (Panache) keeps its session on a safe duplicated Vert.x context and refuses any other. Requests
 * have one; work started elsewhere (the feed consumer's handlers, the response listeners, timers, websocket
 * subscriptions) gets one here.
 */
public final class SafeContexts {

    private SafeContexts() {
    }

    /** Runs {@code work} on a fresh safe duplicated context: a session of its own. A throw or null fails the Uni. */
    public static <T> Uni<T> fresh(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<T> started;
                try {
                    started = work.get();
                } catch (RuntimeException e) {
                    started = Uni.createFrom().failure(e);
                }
                if (started == null) {
                    started = Uni.createFrom().failure(new IllegalStateException("the work answered null"));
                }
                started.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }

    /** Runs {@code work} where it is called if that is a safe duplicated context (a request's), else {@link #fresh}. */
    public static <T> Uni<T> current(Vertx vertx, Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)
                && VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(current)) {
            return Uni.createFrom().deferred(() -> work.get());
        }
        return fresh(vertx, work);
    }
}
