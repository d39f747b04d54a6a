package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The CloudNativePG Clusters of the ha overlay: replicas, backups, monitoring, their Secrets. */
final class DatabaseClusterChecks {

    /**
     * Every CloudNativePG Cluster has replicas (at least 3 instances), backups to an object store whose credentials
     * come from a Secret that exists (in the manifests or among the external ones) with the keys named, a
     * ScheduledBackup and a PodMonitor; its bootstrap Secret exists with username and password.
     */
    static List<String> databaseClusters(Cluster cluster, Map<String, Set<String>> external) {
        List<String> problems = new ArrayList<>();
        for (JsonNode db : cluster.ofKind("Cluster")) {
            String name = db.path("metadata").path("name").asText();
            JsonNode spec = db.path("spec");
            if (spec.path("instances").asInt(1) < 3) {
                problems.add("Cluster/" + name + " has fewer than 3 instances (a primary and two replicas)");
            }
            JsonNode store = spec.path("backup").path("barmanObjectStore");
            if (store.isMissingNode()) {
                problems.add("Cluster/" + name + " has no backup.barmanObjectStore");
            }
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(credential);
                if (!store.isMissingNode() && !secretHas(cluster, external, ref.path("name").asText(),
                        ref.path("key").asText())) {
                    problems.add("Cluster/" + name + " backup credential " + credential + " names the missing "
                            + "Secret key " + ref.path("name").asText() + "/" + ref.path("key").asText());
                }
            }
            String bootstrap = spec.path("bootstrap").path("initdb").path("secret").path("name").asText();
            for (String key : List.of("username", "password")) {
                if (!secretHas(cluster, external, bootstrap, key)) {
                    problems.add("Cluster/" + name + " bootstraps its owner from the missing Secret key "
                            + bootstrap + "/" + key);
                }
            }
            boolean scheduled = cluster.ofKind("ScheduledBackup").stream().anyMatch(b ->
                    b.path("spec").path("cluster").path("name").asText().equals(name));
            if (!scheduled) {
                problems.add("Cluster/" + name + " has no ScheduledBackup");
            }
            boolean monitored = cluster.ofKind("PodMonitor").stream().anyMatch(m -> name.equals(m.path("spec")
                    .path("selector").path("matchLabels").path("cnpg.io/cluster").asText()));
            if (!monitored) {
                problems.add("Cluster/" + name + " has no PodMonitor selecting cnpg.io/cluster=" + name);
            }
        }
        return problems;
    }

    private static boolean secretHas(Cluster cluster, Map<String, Set<String>> external, String name, String key) {
        return cluster.keys("Secret", name).map(k -> k.containsKey(key)).orElse(false)
                || external.getOrDefault(name, Set.of()).contains(key);
    }

    private DatabaseClusterChecks() {
    }
}
