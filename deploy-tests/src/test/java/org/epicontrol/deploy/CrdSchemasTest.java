package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vendored CRD schemas accept the ha overlay's objects and refuse what the API would refuse. */
class CrdSchemasTest {
    private static final List<ObjectNode> NOTICE_DB = Manifests.load("k8s/overlays/ha/notice-db.yaml");

    private static ObjectNode of(String kind) {
        return NOTICE_DB.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow()
                .deepCopy();
    }

    @Test
    void theVendoredKindsAreKnown() {
        assertEquals(Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
                "monitoring.coreos.com/v1/PodMonitor"), CrdSchemas.kinds());
    }

    @Test
    void theOverlaysDatabaseObjectsAreValid() {
        for (String kind : List.of("Cluster", "ScheduledBackup", "PodMonitor")) {
            assertEquals(List.of(), CrdSchemas.problems(of(kind)), kind);
        }
    }

    @Test
    void anUnknownFieldIsRefusedAtAnyDepth() {
        ObjectNode top = of("Cluster");
        ((ObjectNode) top.path("spec")).put("replicas", 3);
        assertFalse(CrdSchemas.problems(top).isEmpty(), "spec.replicas is not a Cluster field (instances is)");
        ObjectNode deep = of("Cluster");
        ((ObjectNode) deep.path("spec").path("backup").path("barmanObjectStore")).put("bucket", "x");
        assertFalse(CrdSchemas.problems(deep).isEmpty());
        ObjectNode meta = of("PodMonitor");
        ((ObjectNode) meta.path("metadata")).put("labelz", "x");
        assertFalse(CrdSchemas.problems(meta).isEmpty(), "metadata is checked too");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        ObjectNode backup = of("ScheduledBackup");
        ((ObjectNode) backup.path("spec")).remove("schedule");
        assertTrue(CrdSchemas.problems(backup).stream().anyMatch(p -> p.contains("schedule")),
                () -> CrdSchemas.problems(backup).toString());
        ObjectNode cluster = of("Cluster");
        ((ObjectNode) cluster.path("spec").path("backup").path("barmanObjectStore").path("s3Credentials")
                .path("accessKeyId")).remove("key");
        assertFalse(CrdSchemas.problems(cluster).isEmpty());
    }

    @Test
    void aWrongTypeOrEnumValueIsRefused() {
        ObjectNode cluster = of("Cluster");
        ((ObjectNode) cluster.path("spec")).put("instances", "three");
        assertFalse(CrdSchemas.problems(cluster).isEmpty());
        ObjectNode backup = of("ScheduledBackup");
        ((ObjectNode) backup.path("spec")).put("method", "tape");
        assertFalse(CrdSchemas.problems(backup).isEmpty());
    }
}
