package org.epicontrol.notice.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.access.NoticeAccess;

import java.util.function.Function;

/**
 * Where a public look-up (riskLevel, riskAreas, riskCounts, riskTrend, searchAreas) reads: on the read replica,
 * stale by the replication lag, for every caller but those who may see drafts (notice-editor, notice-publisher,
 * system-admin: the people whose writes change these answers read on the primary, so a publisher sees the map their
 * publication made at once). Without a replica, or while it rests after a failure, on the primary; while it lags
 * more than {@code max-lag} behind the primary, or its lag is unknown ({@link ReplicaLag}), on the primary too
 * (counted as fallback, reason {@code lag}): the bound on staleness the public answers keep. A read the replica
 * cannot answer because it is unavailable, or because it lost a conflict with replay, is read again on the primary:
 * the caller gets the answer, never the replica's failure. Everything else of the service reads on the primary.
 */
@ApplicationScoped
public class PublicReads {

    static final String FALLBACKS = "notices.read.replica.fallbacks";

    private final Pool primary;
    private final ReadReplica replica;
    private final NoticeAccess access;
    private final MeterRegistry registry;

    public PublicReads(Pool primary, ReadReplica replica, NoticeAccess access, MeterRegistry registry) {
        this.primary = primary;
        this.replica = replica;
        this.access = access;
        this.registry = registry;
    }

    /** Runs the read on the client it belongs on (call it within the request: it asks who the caller is). */
    public <T> Uni<T> run(Function<SqlClient, Uni<T>> read) {
        boolean configured = replica.configured();
        PublicReadRoute route = PublicReadRoute.of(configured, configured && access.visibility().seesDrafts(),
                replica.resting(), replica.lag(), replica.maxLag());
        switch (route) {
            case REPLICA:
                break;
            case PRIMARY_REPLICA_LAGGING:
                fallback("lag");
                return read.apply(primary);
            case PRIMARY_REPLICA_RESTING:
                fallback("unavailable");
                return read.apply(primary);
            default:
                return read.apply(primary);
        }
        Pool standby = replica.pool().orElseThrow();
        return Uni.createFrom().deferred(() -> read.apply(standby))
                .onFailure(failure -> ReplicaFailures.of(failure) != ReplicaFailures.Kind.OTHER)
                .recoverWithUni(failure -> {
                    ReplicaFailures.Kind kind = ReplicaFailures.of(failure);
                    if (kind == ReplicaFailures.Kind.UNAVAILABLE) {
                        replica.unavailable(failure);
                    }
                    fallback(kind.name().toLowerCase());
                    return read.apply(primary);
                });
    }

    private void fallback(String reason) {
        Counter.builder(FALLBACKS)
                .description("Public reads meant for the read replica answered by the primary")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
