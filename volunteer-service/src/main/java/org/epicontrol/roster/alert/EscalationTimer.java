package org.epicontrol.roster.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epicontrol.roster.context.PeriodicJob;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;

/** Runs {@link Escalations} every {@code alerts.escalation-check-every} on each replica; one run at a time here. */
@ApplicationScoped
public class EscalationTimer {

    private static final Logger LOG = Logger.getLogger(EscalationTimer.class);

    private final Vertx vertx;
    private final Escalations escalations;
    private final AlertsConfig config;
    private PeriodicJob job;

    public EscalationTimer(Vertx vertx, Escalations escalations, AlertsConfig config) {
        this.vertx = vertx;
        this.escalations = escalations;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        job = PeriodicJob.start(vertx, config.escalationCheckEvery(),
                () -> escalations.escalateDue(OffsetDateTime.now()).map(List::size), LOG,
                "escalated %d unacknowledged alerts to district officers");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (job != null) {
            job.stop();
        }
    }
}
