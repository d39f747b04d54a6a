package org.epicontrol.roster.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Fans alerts out to the live subscribers of this instance, whichever replica raised them: the database NOTIFYs
 * {@code alert_raised} with each new alert's id when its transaction commits (trigger of migration V6), and every
 * replica LISTENs on a connection of its own, reads the alert and hands it on. Each subscriber's stream is filtered
 * to its own audiences ({@link AlertGraphQLApi#alertRaised}).
 */
@ApplicationScoped
public class AlertBroadcast {

    static final String CHANNEL = "alert_raised";
    private static final Logger LOG = Logger.getLogger(AlertBroadcast.class);

    private final BroadcastProcessor<Alert> raised = BroadcastProcessor.create();
    private final UnicastProcessor<Long> ids = UnicastProcessor.create();
    private final PgSubscriber subscriber;
    private final AlertStore store;

    public AlertBroadcast(Vertx vertx, AlertStore store,
                          @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.store = store;
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // LISTEN again after a lost connection (database restart, failover): wait a second between tries, forever
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
    }

    void start(@Observes StartupEvent started) {
        readInOrder();
        subscriber.channel(CHANNEL).handler(this::raised);
        subscriber.connect().subscribe().with(ok -> LOG.debugf("listening on %s", CHANNEL),
                failure -> LOG.error("alert subscriptions get nothing: LISTEN " + CHANNEL + " failed", failure));
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.closeAndForget();
    }

    Multi<Alert> raised() {
        return raised;
    }

    private void raised(String id) {
        try {
            ids.onNext(Long.parseLong(id));
        } catch (NumberFormatException e) {
            LOG.warnf("ignoring notification %s on %s: not an alert id", id, CHANNEL);
        }
    }

    /** Reads each notified alert, one after the other, so subscribers get them in commit order. */
    private void readInOrder() {
        ids.onItem().transformToUniAndConcatenate(id -> store.byIds(List.of(id))
                        .onFailure().invoke(failure -> LOG.warn("alert " + id + " could not be read for the live"
                                + " subscribers", failure))
                        .onFailure().recoverWithItem(Collections.singletonList(null)))
                .subscribe().with(found -> {
                    if (found.get(0) != null) {
                        raised.onNext(found.get(0));
                    }
                });
    }
}
