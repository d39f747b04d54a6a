package org.epicontrol.roster.feed;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.List;

/**
 * Hands one event to every handler, one after another (in the order given), each call on a fresh, safe duplicated
 * Vert.x context as a request gets one: Hibernate Reactive Panache keeps its session there and refuses a shared
 * context. The first failure stops the event as {@link HandlerFailed}; the handlers after it are not called.
 */
public final class AreaEventDispatch {

    private final Vertx vertx;
    private final List<AreaEventHandler> handlers;

    public AreaEventDispatch(Vertx vertx, List<AreaEventHandler> handlers) {
        this.vertx = vertx;
        this.handlers = List.copyOf(handlers);
    }

    public Uni<Void> handle(AreaEvent event) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (AreaEventHandler handler : handlers) {
            all = all.chain(() -> onOwnContext(event, handler));
        }
        return all;
    }

    private Uni<Void> onOwnContext(AreaEvent event, AreaEventHandler handler) {
        return Uni.createFrom().<Void>emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<Void> handled;
                try {
                    handled = handler.handle(event);
                } catch (RuntimeException e) {
                    handled = Uni.createFrom().failure(e);
                }
                if (handled == null) {
                    handled = Uni.createFrom().failure(new IllegalStateException("handle answered null"));
                }
                handled.subscribe().with(emitter::complete, emitter::fail);
            });
        }).onFailure().transform(failure -> new HandlerFailed(event, name(handler), failure));
    }

    /** The bean's class, without the container's proxy suffix. */
    static String name(AreaEventHandler handler) {
        return handler.getClass().getSimpleName().replaceFirst("_(ClientProxy|Subclass)$", "");
    }
}
