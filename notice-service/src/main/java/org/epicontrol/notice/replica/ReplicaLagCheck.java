package org.epicontrol.notice.replica;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the replica's lag every {@code lag-check-every}, off the request path (a Vert.x timer, as the idempotency
 * keys' cleanup): the primary's WAL insert position, then the replica's replayed position, compared on this
 * service's clock ({@link ReplicaLag}: why this measure). Publishes the gauge {@code notices_read_replica_lag_seconds}.
 * A check that fails changes nothing: the bound from the last good one keeps growing and crosses max-lag by itself.
 */
@ApplicationScoped
public class ReplicaLagCheck {

    static final String GAUGE = "notices.read.replica.lag";
    private static final Logger LOG = Logger.getLogger(ReplicaLagCheck.class);
    private static final String PRIMARY_POSITION = "select pg_current_wal_insert_lsn()::text as inserted";
    private static final String REPLICA_POSITION =
            "select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed";

    private final Pool primary;
    private final ReadReplica replica;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastFailure;
    private long timer = -1;

    public ReplicaLagCheck(Pool primary, ReadReplica replica, ReadReplicaConfig config, Vertx vertx,
                           MeterRegistry registry) {
        this.primary = primary;
        this.replica = replica;
        this.vertx = vertx;
        this.registry = registry;
        this.every = config.lagCheckEvery();
    }

    void start(@Observes StartupEvent event) {
        if (!replica.configured()) {
            return;
        }
        Gauge.builder(GAUGE, replica, r -> r.lag().seconds())
                .description("Upper bound of how stale the read replica's answers are (NaN: unknown)")
                .baseUnit("seconds")
                .register(registry);
        timer = vertx.setPeriodic(1, every.toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                check().subscribe().with(done -> running.set(false), failure -> {
                    running.set(false);
                    LOG.debugf("read replica: lag check failed: %s", failure);
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One measurement: the primary's position first (taken as of the moment before asking), then the replica's. */
    Uni<Void> check() {
        Duration timeout = replica.maxLag();
        return Uni.createFrom().deferred(() -> {
                    long asked = System.nanoTime();
                    return primary.query(PRIMARY_POSITION).execute()
                            .ifNoItem().after(timeout).failWith(() -> new IOException("no answer within " + timeout))
                            .onFailure().transform(PrimaryFailed::new)
                            .invoke(rows -> replica.lagMeasure().primaryAt(ReplicaLag.replayTarget(
                                    ReplicaLag.parseLsn(rows.iterator().next().getString("inserted"))), asked));
                })
                .chain(ignored -> replica.pool().orElseThrow().query(REPLICA_POSITION).execute()
                        .ifNoItem().after(timeout).failWith(() -> new IOException("no answer within " + timeout)))
                .invoke(rows -> replayed(rows.iterator().next()))
                .onFailure().invoke(failure -> {
                    if (failure instanceof PrimaryFailed) {
                        lastFailure = "the primary's WAL position: " + failure.getCause();
                        return;
                    }
                    lastFailure = "the replica's replay position: " + failure;
                    if (ReplicaFailures.of(failure) == ReplicaFailures.Kind.UNAVAILABLE) {
                        replica.unavailable(failure);
                    }
                })
                .replaceWithVoid();
    }

    /** The primary did not answer its position: nothing to say about the replica (which is not made to rest). */
    private static final class PrimaryFailed extends RuntimeException {
        PrimaryFailed(Throwable cause) {
            super(cause);
        }
    }

    private void replayed(Row row) {
        lastFailure = null;
        String position = row.getString("replayed");
        if (!Boolean.TRUE.equals(row.getBoolean("standby"))) {
            replica.lagMeasure().unknown("the replica is not in recovery: not a standby of the primary");
        } else if (position == null) {
            replica.lagMeasure().unknown("the replica has replayed nothing yet");
        } else {
            replica.lagMeasure().replicaReplayed(ReplicaLag.parseLsn(position));
        }
    }

    /** The last check's failure, null when it succeeded. */
    String lastFailure() {
        return lastFailure;
    }
}
