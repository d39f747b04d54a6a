package org.epicontrol.notice.replica;

import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * The replica's own reactive pool (when {@code notices.read-replica.url} is set) and whether it may be used now:
 * after a failure that means the replica is unavailable it rests for {@code retry-after}, and reads meant for it go
 * to the primary meanwhile; and how far behind the primary it is ({@link ReplicaLag}, measured by
 * {@link ReplicaLagCheck}), against {@code max-lag}.
 */
@ApplicationScoped
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    private final Optional<Pool> pool;
    private final Duration retryAfter;
    private final Duration maxLag;
    private final ReplicaLag lag;
    private volatile long restingUntil = System.nanoTime();
    private volatile String lastFailure;

    public ReadReplica(ReadReplicaConfig config, Vertx vertx,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> primaryUser,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> primaryPassword) {
        this.retryAfter = config.retryAfter();
        this.maxLag = config.maxLag();
        if (config.url().isPresent()) {
            checkIntervals(config.lagCheckEvery(), maxLag);
        }
        // Positions kept long enough that a replica behind all of them is far beyond max-lag.
        this.lag = new ReplicaLag(max(maxLag.multipliedBy(10), Duration.ofMinutes(5)));
        this.pool = config.url().map(url -> {
            PgConnectOptions connect = PgConnectOptions.fromUri(url)
                    .setCachePreparedStatements(true)
                    .setConnectTimeout((int) config.connectTimeout().toMillis());
            config.username().or(() -> primaryUser).ifPresent(connect::setUser);
            config.password().or(() -> primaryPassword).ifPresent(connect::setPassword);
            connect.addProperty("application_name", "notice-service public reads");
            return Pool.newInstance(PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(config.maxSize()))
                    .connectingTo(connect)
                    .using(vertx)
                    .build());
        });
    }

    /** The measure is up to two intervals above the true lag: a slower check would keep reads off the replica. */
    static void checkIntervals(Duration every, Duration maxLag) {
        if (every.isNegative() || every.isZero() || every.multipliedBy(2).compareTo(maxLag) >= 0) {
            throw new IllegalArgumentException("notices.read-replica.lag-check-every (" + every
                    + ") must be positive and below half of notices.read-replica.max-lag (" + maxLag + ")");
        }
    }

    public boolean configured() {
        return pool.isPresent();
    }

    /** Resting after a failure that meant the replica is unavailable: reads meant for it go to the primary. */
    boolean resting() {
        return System.nanoTime() - restingUntil < 0;
    }

    /** The replica's lag now: an upper bound of how stale its answers are (unknown before the first check). */
    ReplicaLag.Estimate lag() {
        return lag.at(System.nanoTime());
    }

    ReplicaLag lagMeasure() {
        return lag;
    }

    Duration maxLag() {
        return maxLag;
    }

    /** Configured or not, resting or not: for the readiness check, which tries it whatever the state. */
    Optional<Pool> pool() {
        return pool;
    }

    /** The replica failed as unavailable: reads go to the primary for retry-after. */
    void unavailable(Throwable failure) {
        if (System.nanoTime() - restingUntil >= 0) {
            LOG.warnf("read replica unavailable (%s): public reads go to the primary for %s", failure, retryAfter);
        }
        lastFailure = String.valueOf(failure);
        restingUntil = System.nanoTime() + retryAfter.toNanos();
    }

    /** The last failure that made the replica rest, null if none. */
    String lastFailure() {
        return lastFailure;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @PreDestroy
    void close() {
        pool.ifPresent(Pool::closeAndAwait);
    }
}
