package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.container;
import static org.epicontrol.deploy.PlainManifests.env;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferenceChecks} can fail: the objects a manifest refers to, doctored one at a time in the plain trial
 * manifests.
 */
class ReferenceChecksTest extends DoctoredManifests {

    @Test
    void aSecretKeyThatDoesNotExist() {
        ((ObjectNode) container(cluster, "volunteer-service").at("/env/0/valueFrom/secretKeyRef")).put("key", "url");
        assertProblem(ReferenceChecks.references(cluster, Map.of()), "volunteer-service", "key url", "Secret/volunteer-db");
    }

    @Test
    void aSecretNobodyProvides() {
        cluster.docs.removeIf(d -> d.path("kind").asText().equals("Secret")
                && d.path("metadata").path("name").asText().equals("notice-db"));
        assertProblem(ReferenceChecks.references(cluster, Map.of()), "Secret/notice-db");
        assertEquals(List.of(), ReferenceChecks.references(cluster,
                Map.of("notice-db", Set.of("reactive-url", "jdbc-url", "username", "password"))));
    }
}
