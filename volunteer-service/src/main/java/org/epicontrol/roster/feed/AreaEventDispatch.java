package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.epicontrol.roster.context.SafeContexts;

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
        return SafeContexts.fresh(vertx, () -> handler.handle(event))
                .onFailure().transform(failure -> new HandlerFailed(event, name(handler), failure));
    }

    /** The bean's class, without the container's proxy suffix. */
    static String name(AreaEventHandler handler) {
        return handler.getClass().getSimpleName().replaceFirst("_(ClientProxy|Subclass)$", "");
    }
}
