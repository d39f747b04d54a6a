package org.epicontrol.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A hot standby ({@link StreamingReplica}) of {@link PostgresTestResource}'s server, one per test JVM, and its URL
 * in the service's read-replica setting. Init args: {@code database} (as for PostgresTestResource) and
 * {@code url-property}, the property that takes the replica's reactive URL.
 */
public class StreamingReplicaTestResource implements QuarkusTestResourceLifecycleManager {

    private static StreamingReplica replica;
    private String database = "app";
    private String urlProperty = "read-replica.url";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        urlProperty = initArgs.getOrDefault("url-property", urlProperty);
    }

    @Override
    public Map<String, String> start() {
        // The database exists before the copy is taken or arrives by replication: either way the standby has it.
        EmbeddedDatabase primary = PostgresTestResource.startedServer().createDatabase(database);
        return Map.of(urlProperty, replica(primary).reactiveUrl(database));
    }

    private static synchronized StreamingReplica replica(EmbeddedDatabase primary) {
        if (replica == null) {
            replica = primary.startReplica();
            Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        }
        return replica;
    }

    @Override
    public void stop() {
        // Kept for the JVM's lifetime, as the primary is.
    }

    /** For tests that pause its replay or stop and start it under a running service. */
    public static StreamingReplica replica() {
        return replica;
    }
}
