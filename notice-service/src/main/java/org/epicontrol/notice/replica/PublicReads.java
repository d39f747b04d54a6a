package org.epicontrol.notice.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.access.NoticeAccess;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a public look-up (riskLevel, riskAreas, riskCounts, riskTrend, searchAreas) reads: on the read replica,
 * stale by the replication lag, for every caller but those who may see drafts (notice-editor, notice-publisher,
 * system-admin: the people whose writes change these answers read on the primary, so a publisher sees the map their
 * publication made at once). Without a replica, or while it rests after a failure, on the primary. A read the replica
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
        Optional<Pool> standby = replica.usable();
        if (standby.isEmpty() || access.visibility().seesDrafts()) {
            return read.apply(primary);
        }
        return Uni.createFrom().deferred(() -> read.apply(standby.get()))
                .onFailure(failure -> ReplicaFailures.of(failure) != ReplicaFailures.Kind.OTHER)
                .recoverWithUni(failure -> {
                    ReplicaFailures.Kind kind = ReplicaFailures.of(failure);
                    if (kind == ReplicaFailures.Kind.UNAVAILABLE) {
                        replica.unavailable(failure);
                    }
                    Counter.builder(FALLBACKS)
                            .description("Public reads the read replica could not answer, answered by the primary")
                            .tag("reason", kind.name().toLowerCase())
                            .register(registry)
                            .increment();
                    return read.apply(primary);
                });
    }
}
