package org.epicontrol.roster.response;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.area.AreaRef;
import org.epicontrol.roster.area.AreaUnits;
import org.epicontrol.roster.area.LinkedUnit;
import org.epicontrol.roster.feed.AreaEvent;
import org.epicontrol.roster.feed.AreaEventHandler;
import org.epicontrol.roster.response.plan.ResponsePlan;
import org.epicontrol.roster.response.plan.ResponsePlans;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Supplier;

/**
 * Turns area events into responses. The level in force after the event decides: a level with a plan opens the
 * area's response (or the open one follows: a second notice is noted, a change between planned levels switches the
 * plan), a level without one (LOW, or none after a cancellation) closes it. The community is the one answering for
 * the area along the area tree ({@link AreaUnits#mostSpecific}); an area no unit answers for gets nothing (logged,
 * counted as {@code responses.unassigned.areas}).
 *
 * <p>Idempotent: the decision is applied once per event (the response keeps the last sequence), the work is keyed by
 * response and plan item, and listeners are told until the response records that they were; an event handled again
 * (at-least-once delivery, a crash in the middle) completes what is missing and duplicates nothing.
 */
@ApplicationScoped
public class ResponseTrigger implements AreaEventHandler {

    private static final Logger LOG = Logger.getLogger(ResponseTrigger.class);

    private final AreaUnits units;
    private final ResponsePlans plans;
    private final ResponseLedger ledger;
    private final ResponseWork work;
    private final ResponseListeners listeners;
    private final Vertx vertx;
    private final Counter unassigned;

    ResponseTrigger(AreaUnits units, ResponsePlans plans, ResponseLedger ledger, ResponseWork work,
                    ResponseListeners listeners, Vertx vertx, MeterRegistry metrics) {
        this.units = units;
        this.plans = plans;
        this.ledger = ledger;
        this.work = work;
        this.listeners = listeners;
        this.vertx = vertx;
        this.unassigned = Counter.builder("responses.unassigned.areas")
                .description("Area events for an area no org unit answers for (no response possible)")
                .register(metrics);
    }

    @Override
    public Uni<Void> handle(AreaEvent event) {
        return onVertxContext(() -> units.mostSpecific(List.of(new AreaRef(event.areaId(), event.areaPath())))
                .chain(found -> {
                    LinkedUnit unit = found.get(event.areaId());
                    return plans.inForce(event.levelInForce(), event.effectiveDate())
                            .chain(plan -> plan != null ? open(event, unit, plan) : close(event));
                }));
    }

    private Uni<Void> open(AreaEvent event, LinkedUnit unit, ResponsePlan plan) {
        if (unit == null || unit.communityId() == null) {
            unassigned.increment();
            LOG.warnf("area %s (%s) is %s but no community answers for it: no response (event %d)", event.areaId(),
                    event.fullName(), event.levelInForce(), event.sequence());
            return Uni.createFrom().voidItem();
        }
        return ledger.applyPlanned(event, unit, plan).chain(response -> response == null ? Uni.createFrom().voidItem()
                : work.setUp(response, plan).chain(() -> response.openTold ? Uni.createFrom().voidItem()
                        : listeners.opened(response, event).chain(() -> ledger.told(response.id, false))));
    }

    private Uni<Void> close(AreaEvent event) {
        return ledger.applyUnplanned(event).chain(response -> response == null ? Uni.createFrom().voidItem()
                : work.windDown(response).chain(() -> listeners.closed(response, event))
                        .chain(() -> ledger.told(response.id, true)));
    }

    /** Hibernate Reactive runs on a Vert.x (duplicated) context; the consumer may call from any thread. */
    private <T> Uni<T> onVertxContext(Supplier<Uni<? extends T>> action) {
        if (VertxContext.isOnDuplicatedContext()) {
            return Uni.createFrom().deferred(action);
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // marked safe for Hibernate Reactive, as the feed consumer's dispatch and a request mark theirs
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().deferred(action).runSubscriptionOn(task -> context.runOnContext(x -> task.run()));
    }
}
