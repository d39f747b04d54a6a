package org.epicontrol.roster.mobilisation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epicontrol.roster.context.PeriodicJob;
import org.jboss.logging.Logger;

/** Runs {@link RoleGrants#grantPending} every {@code mobilisation.grant-retry-every} on each replica; one run at a time. */
@ApplicationScoped
public class RoleGrantJob {

    private static final Logger LOG = Logger.getLogger(RoleGrantJob.class);

    private final Vertx vertx;
    private final RoleGrants grants;
    private final MobilisationConfig config;
    private final KeycloakAdminConfig keycloak;
    private PeriodicJob job;

    public RoleGrantJob(Vertx vertx, RoleGrants grants, MobilisationConfig config, KeycloakAdminConfig keycloak) {
        this.vertx = vertx;
        this.grants = grants;
        this.config = config;
        this.keycloak = keycloak;
    }

    void start(@Observes StartupEvent started) {
        if (keycloak.enabled()) {
            job = PeriodicJob.start(vertx, config.grantRetryEvery(), grants::grantPending, LOG,
                    "granted the volunteer role of %d approved registrations");
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (job != null) {
            job.stop();
        }
    }
}
