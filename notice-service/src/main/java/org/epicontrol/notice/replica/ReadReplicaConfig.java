package org.epicontrol.notice.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The optional read replica of notice-service's database (a hot standby, e.g. CloudNativePG's {@code -ro} Service):
 * without a URL every read goes to the primary, as with one database.
 */
@ConfigMapping(prefix = "notices.read-replica")
public interface ReadReplicaConfig {

    /** Reactive URL of the replica, e.g. postgresql://notice-db-ro:5432/notices; absent: no replica. */
    Optional<String> url();

    /** Absent: the primary's (quarkus.datasource.username): replicas of a cluster share its users. */
    Optional<String> username();

    /** Absent: the primary's (quarkus.datasource.password). */
    Optional<String> password();

    /** Connections of the replica pool, beside the primary's (quarkus.datasource.reactive.max-size). */
    @WithDefault("20")
    int maxSize();

    /** A replica that does not answer a connection within this is taken as down. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** After the replica failed, public reads go to the primary for this long before the replica is tried again. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * The most the public reads may be stale by: while the replica's measured lag is above this (or unknown), they go
     * to the primary. An upper bound of the lag is measured ({@link ReplicaLag}), up to two check intervals above it.
     */
    @WithDefault("5s")
    Duration maxLag();

    /** How often the replica's lag is measured (a query on the primary and one on the replica); below max-lag / 2. */
    @WithDefault("1s")
    Duration lagCheckEvery();
}
