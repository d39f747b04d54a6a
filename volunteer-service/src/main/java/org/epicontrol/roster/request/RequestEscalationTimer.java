package org.epicontrol.roster.request;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs {@link RequestEscalations} every {@code requests.escalation-check-every} on each replica; one run at a time here. */
@ApplicationScoped
public class RequestEscalationTimer {

    private static final Logger LOG = Logger.getLogger(RequestEscalationTimer.class);

    private final Vertx vertx;
    private final RequestEscalations escalations;
    private final RequestsConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public RequestEscalationTimer(Vertx vertx, RequestEscalations escalations, RequestsConfig config) {
        this.vertx = vertx;
        this.escalations = escalations;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(Math.max(1000, config.escalationCheckEvery().toMillis()), id -> check());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void check() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        escalations.escalateDue(OffsetDateTime.now())
                .eventually(() -> running.set(false))
                .subscribe().with(
                        raised -> {
                            if (!raised.isEmpty()) {
                                LOG.infof("escalated residents' requests: %d alerts raised", raised.size());
                            }
                        },
                        failure -> LOG.warn("request escalation failed; retried at the next check", failure));
    }
}
