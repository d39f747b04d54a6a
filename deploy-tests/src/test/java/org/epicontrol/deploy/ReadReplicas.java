package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads from the replicas: a service's {@code <PREFIX>_DB_REPLICA_URL} (a literal value) names the {@code -ro}
 * Service of the CloudNativePG Cluster whose {@code -rw} Service its {@code <PREFIX>_DB_URL} names, the same database,
 * and that Cluster has replicas; a service that can read from a replica (its configuration reads the variable) and
 * writes to such a Cluster is given one. Without a Cluster in the manifests (trial, managed) nothing names a
 * {@code -ro} Service.
 */
final class ReadReplicas {

    static final String PRIMARY = "_DB_URL";
    static final String REPLICA = "_DB_REPLICA_URL";

    private ReadReplicas() {
    }

    static List<String> check(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (ServiceContract svc : contracts.values()) {
            Optional<JsonNode> container = cluster.workload(svc.name()).flatMap(w -> w.container(svc.name()));
            if (container.isEmpty()) {
                continue;
            }
            container.get().path("env").forEach(env -> {
                String name = env.path("name").asText();
                if (name.endsWith(REPLICA)) {
                    String prefix = name.substring(0, name.length() - REPLICA.length());
                    problems.addAll(replicaOfItsPrimary(cluster, svc.name(), name, env.path("value").asText(null),
                            literal(container.get(), prefix + PRIMARY)));
                }
            });
            container.get().path("env").forEach(env -> {
                String name = env.path("name").asText();
                if (!name.endsWith(PRIMARY)) {
                    return;
                }
                String replicaVariable = name.substring(0, name.length() - PRIMARY.length()) + REPLICA;
                String db = databaseCluster(cluster, env.path("value").asText(null), "-rw");
                if (db != null && svc.readsEnv(replicaVariable) && hasReplicas(cluster, db)
                        && literal(container.get(), replicaVariable) == null) {
                    problems.add(svc.name() + " writes to Cluster/" + db + ", which has replicas, but does not set "
                            + replicaVariable + " (postgresql://" + db + "-ro:5432/...) for its public look-ups");
                }
            });
        }
        return problems;
    }

    private static List<String> replicaOfItsPrimary(Cluster cluster, String service, String variable, String url,
                                                    String primaryUrl) {
        String what = service + " " + variable + " " + url;
        if (url == null) {
            return List.of(what + ": not a literal URL");
        }
        String db = databaseCluster(cluster, url, "-ro");
        if (db == null) {
            return List.of(what + ": not the -ro Service of a CloudNativePG Cluster of the manifests");
        }
        List<String> problems = new ArrayList<>();
        if (!hasReplicas(cluster, db)) {
            problems.add(what + ": Cluster/" + db + " has no replicas (instances < 2)");
        }
        String primaryDb = databaseCluster(cluster, primaryUrl, "-rw");
        if (!db.equals(primaryDb)) {
            problems.add(what + ": not a replica of the primary the service writes to (" + primaryUrl + ")");
        } else if (!URI.create(url).getPath().equals(URI.create(primaryUrl).getPath())) {
            problems.add(what + ": another database than the primary's (" + primaryUrl + ")");
        }
        return problems;
    }

    /** The Cluster whose Service (name + suffix) the URL's host is, null when none of the manifests. */
    private static String databaseCluster(Cluster cluster, String url, String suffix) {
        if (url == null) {
            return null;
        }
        String host = URI.create(url).getHost();
        if (host == null || !host.endsWith(suffix)) {
            return null;
        }
        String name = host.substring(0, host.length() - suffix.length());
        return cluster.find("Cluster", name).isPresent() ? name : null;
    }

    private static boolean hasReplicas(Cluster cluster, String name) {
        return cluster.find("Cluster", name).map(c -> c.path("spec").path("instances").asInt(1) >= 2).orElse(false);
    }

    private static String literal(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText(null);
            }
        }
        return null;
    }
}
