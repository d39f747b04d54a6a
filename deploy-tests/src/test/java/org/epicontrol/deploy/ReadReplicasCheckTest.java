package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** ReadReplicas on the rendered overlays, and on the ha overlay doctored. */
class ReadReplicasCheckTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    private static List<String> problems(List<ObjectNode> docs) {
        return ReadReplicas.check(new Cluster(docs), ServiceContract.all());
    }

    private static List<ObjectNode> ha() {
        return Manifests.copy(Manifests.render("k8s/overlays/ha"));
    }

    private static ArrayNode noticeServiceEnv(List<ObjectNode> docs) {
        return (ArrayNode) new Cluster(docs).workload("notice-service").orElseThrow()
                .container("notice-service").orElseThrow().path("env");
    }

    private static ObjectNode variable(ArrayNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayPasses(String overlay) {
        assertEquals(List.of(), problems(Manifests.render(overlay)));
    }

    @Test
    void haReadsTheNoticeDbReplicasAndTheOtherOverlaysNoReplica() {
        assertEquals("postgresql://notice-db-ro:5432/notices",
                variable(noticeServiceEnv(ha()), "NOTICE_DB_REPLICA_URL").path("value").asText());
        for (String overlay : List.of("k8s/overlays/trial", "k8s/overlays/managed")) {
            noticeServiceEnv(Manifests.render(overlay)).forEach(e ->
                    assertTrue(!e.path("name").asText().equals("NOTICE_DB_REPLICA_URL"), overlay));
        }
    }

    @Test
    void haWithoutTheReplicaUrlFails() {
        List<ObjectNode> docs = ha();
        ArrayNode env = noticeServiceEnv(docs);
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().equals("NOTICE_DB_REPLICA_URL")) {
                env.remove(i);
            }
        }
        List<String> problems = problems(docs);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("does not set NOTICE_DB_REPLICA_URL"), problems.toString());
    }

    @Test
    void aReplicaUrlAtThePrimaryAnotherClusterOrAnotherDatabaseFails() {
        for (String url : List.of("postgresql://notice-db-rw:5432/notices", "postgresql://volunteer-db-ro:5432/notices",
                "postgresql://notice-db-ro:5432/volunteers", "postgresql://db.example.org:5432/notices")) {
            List<ObjectNode> docs = ha();
            variable(noticeServiceEnv(docs), "NOTICE_DB_REPLICA_URL").put("value", url);
            assertEquals(1, problems(docs).size(), url + ": " + problems(docs));
        }
    }

    @Test
    void aReplicaOfAClusterWithoutReplicasFails() {
        List<ObjectNode> docs = ha();
        new Cluster(docs).find("Cluster", "notice-db").map(c -> (ObjectNode) c.path("spec")).orElseThrow()
                .put("instances", 1);
        List<String> problems = problems(docs);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("has no replicas"), problems.toString());
    }
}
