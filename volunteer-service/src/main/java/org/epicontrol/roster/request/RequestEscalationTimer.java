package org.epicontrol.roster.request;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epicontrol.roster.context.PeriodicJob;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;

/** Runs {@link RequestEscalations} every {@code requests.escalation-check-every} on each replica. */
@ApplicationScoped
public class RequestEscalationTimer {

    private static final Logger LOG = Logger.getLogger(RequestEscalationTimer.class);

    private final Vertx vertx;
    private final RequestEscalations escalations;
    private final RequestsConfig config;
    private PeriodicJob job;

    public RequestEscalationTimer(Vertx vertx, RequestEscalations escalations, RequestsConfig config) {
        this.vertx = vertx;
        this.escalations = escalations;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        job = PeriodicJob.start(vertx, config.escalationCheckEvery(),
                () -> escalations.escalateDue(OffsetDateTime.now()).map(List::size), LOG,
                "escalated residents' requests: %d alerts raised");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (job != null) {
            job.stop();
        }
    }
}
