package org.epicontrol.notice.replica;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness of the read replica, when one is configured: asks it whether it is a standby in recovery. Always UP:
 * a pod whose replica is unreachable still answers everything, the public look-ups from the primary
 * ({@link PublicReads}), so taking it out of the Service would turn the loss of the replicas into an outage; the
 * check's data says where the public look-ups read, and the replica's lag ({@link ReplicaLag}, an upper bound) with
 * the max-lag it is held to. A failed probe makes the replica rest like a failed read.
 */
@Readiness
@ApplicationScoped
public class ReadReplicaHealthCheck implements AsyncHealthCheck {

    static final String NAME = "Read replica";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final ReadReplica replica;
    private final ReplicaLagCheck lagCheck;

    public ReadReplicaHealthCheck(ReadReplica replica, ReplicaLagCheck lagCheck) {
        this.replica = replica;
        this.lagCheck = lagCheck;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder up = HealthCheckResponse.named(NAME).up();
        if (replica.pool().isEmpty()) {
            return Uni.createFrom().item(up.withData("configured", false).withData("public-reads", "primary").build());
        }
        Pool pool = replica.pool().get();
        return pool.query("select pg_is_in_recovery() as standby").execute()
                .ifNoItem().after(PROBE_TIMEOUT).failWith(() -> new java.io.IOException("no answer within " + PROBE_TIMEOUT))
                .map(rows -> withLag(up.withData("configured", true)
                        .withData("standby", rows.iterator().next().getBoolean("standby")), replica.lag())
                        .build())
                .onFailure().recoverWithItem(failure -> {
                    if (ReplicaFailures.of(failure) == ReplicaFailures.Kind.UNAVAILABLE) {
                        replica.unavailable(failure);
                    }
                    return up.withData("configured", true)
                            .withData("public-reads", "primary (replica failed: " + failure + ")")
                            .withData("lag", replica.lag().describe())
                            .build();
                });
    }

    /** Where public reads go now and why, the lag (an upper bound) and the bound it is held to. */
    private HealthCheckResponseBuilder withLag(HealthCheckResponseBuilder builder, ReplicaLag.Estimate lag) {
        String where = switch (PublicReadRoute.of(true, false, replica.resting(), lag, replica.maxLag())) {
            case REPLICA -> "replica";
            case PRIMARY_REPLICA_RESTING -> "primary (resting after " + replica.lastFailure() + ")";
            case PRIMARY_REPLICA_LAGGING -> "primary (replica lag " + lag.describe() + ", max-lag "
                    + replica.maxLag().toMillis() / 1000.0 + " s)";
            case PRIMARY -> "primary";
        };
        builder.withData("public-reads", where)
                .withData("lag", lag.describe())
                .withData("max-lag-ms", replica.maxLag().toMillis());
        if (lag.known()) {
            builder.withData("lag-ms", lag.value().toMillis());
        }
        if (lagCheck.lastFailure() != null) {
            builder.withData("lag-check-failed", lagCheck.lastFailure());
        }
        return builder;
    }
}
