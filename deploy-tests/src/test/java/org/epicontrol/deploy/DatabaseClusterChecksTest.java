package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DatabaseClusterChecks.databaseClusters on the ha overlay's notice-db.yaml, as written and doctored. */
class DatabaseClusterChecksTest {
    private static final Map<String, Set<String>> SECRETS =
            Checks.secretKeys(Manifests.load("k8s/overlays/ha/secrets.example.yaml"));

    private static List<ObjectNode> noticeDb() {
        return Manifests.copy(Manifests.load("k8s/overlays/ha/notice-db.yaml"));
    }

    private static ObjectNode spec(List<ObjectNode> docs) {
        return (ObjectNode) docs.stream().filter(d -> d.path("kind").asText().equals("Cluster")).findFirst()
                .orElseThrow().path("spec");
    }

    private static List<String> problems(List<ObjectNode> docs, Map<String, Set<String>> secrets) {
        return DatabaseClusterChecks.databaseClusters(new Cluster(docs), secrets);
    }

    @Test
    void theOverlaysClusterPasses() {
        assertEquals(List.of(), problems(noticeDb(), SECRETS));
    }

    @Test
    void aClusterWithoutReplicasFails() {
        List<ObjectNode> docs = noticeDb();
        spec(docs).put("instances", 1);
        assertTrue(problems(docs, SECRETS).get(0).contains("fewer than 3 instances"));
    }

    @Test
    void aClusterWithoutScheduledBackupOrPodMonitorFails() {
        List<ObjectNode> docs = new ArrayList<>(noticeDb());
        docs.removeIf(d -> d.path("kind").asText().equals("ScheduledBackup")
                || d.path("kind").asText().equals("PodMonitor"));
        List<String> problems = problems(docs, SECRETS);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void backupCredentialsOrBootstrapSecretMissingFail() {
        assertEquals(4, problems(noticeDb(), Map.of("notice-db", Set.of("username", "password"))).size()
                + problems(noticeDb(), Map.of("backup-object-store", Set.of("ACCESS_KEY_ID",
                "ACCESS_SECRET_KEY"))).size());
        List<ObjectNode> docs = noticeDb();
        ((ObjectNode) spec(docs).path("backup")).remove("barmanObjectStore");
        assertTrue(problems(docs, SECRETS).get(0).contains("no backup"));
    }
}
