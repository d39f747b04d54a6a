package org.epicontrol.roster.mobilisation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs {@link RoleGrants#grantPending} every {@code mobilisation.grant-retry-every} on each replica; one run at a time. */
@ApplicationScoped
public class RoleGrantJob {

    private static final Logger LOG = Logger.getLogger(RoleGrantJob.class);

    private final Vertx vertx;
    private final RoleGrants grants;
    private final MobilisationConfig config;
    private final KeycloakAdminConfig keycloak;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public RoleGrantJob(Vertx vertx, RoleGrants grants, MobilisationConfig config, KeycloakAdminConfig keycloak) {
        this.vertx = vertx;
        this.grants = grants;
        this.config = config;
        this.keycloak = keycloak;
    }

    void start(@Observes StartupEvent started) {
        if (keycloak.enabled()) {
            timer = vertx.setPeriodic(Math.max(1000, config.grantRetryEvery().toMillis()), id -> run());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        grants.grantPending()
                .eventually(() -> running.set(false))
                .subscribe().with(
                        granted -> {
                            if (granted > 0) {
                                LOG.infof("granted the volunteer role of %d approved registrations", granted);
                            }
                        },
                        failure -> LOG.warn("granting pending volunteer roles failed; retried at the next run", failure));
    }
}
