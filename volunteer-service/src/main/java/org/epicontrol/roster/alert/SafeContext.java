package org.epicontrol.roster.alert;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Hibernate Reactive runs only on a safe duplicated Vert.x context. Requests have one; the feed consumer's call of the
 * response listener, the escalation timer and a websocket subscription may not: their work gets a fresh one.
 */
@ApplicationScoped
public class SafeContext {

    private final Vertx vertx;

    public SafeContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)
                && VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(current)) {
            return Uni.createFrom().deferred(() -> work.get());
        }
        return Uni.createFrom().emitter(emitter -> {
            Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(fresh, true);
            fresh.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
