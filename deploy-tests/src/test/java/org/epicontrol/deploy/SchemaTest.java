package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** client-java's models really reject what the API would reject; the plain manifest files pass. */
class SchemaTest {

    private static ObjectNode noticeDeployment() {
        return Manifests.load("k8s/base/notice-service.yaml").stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    }

    private static ObjectNode firstContainer(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    @Test
    void everyPlainManifestFileIsValid() {
        List<ObjectNode> docs = new ArrayList<>(Manifests.load(PlainManifests.FILES.toArray(String[]::new)));
        docs.addAll(Manifests.load("k8s/overlays/managed/secrets.example.yaml"));
        assertEquals(List.of(), Schema.problems(docs));
    }

    @Test
    void theUndoctoredDeploymentDeserialises() {
        V1Deployment d = assertInstanceOf(V1Deployment.class, Schema.validate(noticeDeployment()));
        assertEquals("/q/health/ready",
                d.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void rejectsAnUnknownFieldInAContainer() {
        ObjectNode d = noticeDeployment();
        firstContainer(d).set("readinessProbes", firstContainer(d).get("readinessProbe"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Schema.validate(d));
        assertTrue(Schema.rootMessage(e).contains("readinessProbes"), Schema.rootMessage(e));
        assertEquals(1, Schema.problems(List.of(d)).size());
    }

    @Test
    void rejectsAnUnknownFieldDeepInside() {
        ObjectNode d = noticeDeployment();
        ((ObjectNode) firstContainer(d).get("securityContext")).put("readOnlyRootFileSystem", true);
        RuntimeException e = assertThrows(RuntimeException.class, () -> Schema.validate(d));
        assertTrue(Schema.rootMessage(e).contains("readOnlyRootFileSystem"), Schema.rootMessage(e));
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        ObjectNode d = noticeDeployment();
        d.putObject("specs");
        assertThrows(RuntimeException.class, () -> Schema.validate(d));
    }

    @Test
    void rejectsAMissingRequiredField() {
        ObjectNode d = noticeDeployment();
        firstContainer(d).remove("name");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Schema.validate(d));
        assertTrue(Schema.rootMessage(e).contains("name"), Schema.rootMessage(e));
    }

    @Test
    void rejectsAWrongType() {
        ObjectNode d = noticeDeployment();
        ((ObjectNode) firstContainer(d).at("/ports/0")).put("containerPort", "eighty");
        assertThrows(RuntimeException.class, () -> Schema.validate(d));
    }

    @Test
    void rejectsAKindItHasNoModelFor() {
        ObjectNode d = noticeDeployment();
        d.put("kind", "Deploymnet");
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> Schema.validate(d));
        assertTrue(e.getMessage().contains("apps/v1/Deploymnet"), e.getMessage());
    }
}
