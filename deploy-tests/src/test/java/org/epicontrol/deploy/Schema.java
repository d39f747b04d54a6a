package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline validation against the Kubernetes API: each object is deserialised into the generated model of
 * client-java for its apiVersion and kind with client-java's own {@link JSON}. Those models check every JSON
 * object against the OpenAPI schema while reading: a field the API does not define, or a required field that is
 * missing, is an error. Custom resources are checked against their vendored CRDs ({@link CrdSchemas}); other kinds
 * outside the list below are refused (add the model when a manifest needs a kind).
 */
final class Schema {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

    static {
        // Strict reading: no lenient JSON.
        JSON.setLenientOnJson(false);
    }

    private Schema() {
    }

    /** Deserialises into the API model, or throws with the model's message. */
    static Object validate(JsonNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("no Kubernetes API model for " + type + " (known: "
                    + MODELS.keySet().stream().sorted().toList() + ")");
        }
        return JSON.deserialize(doc.toString(), model);
    }

    static List<String> problems(List<? extends JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (CrdSchemas.knows(doc.path("apiVersion").asText() + "/" + doc.path("kind").asText())) {
                CrdSchemas.problems(doc).forEach(p -> problems.add(Cluster.id(doc) + ": " + p));
                continue;
            }
            try {
                validate(doc);
            } catch (RuntimeException e) {
                problems.add(Cluster.id(doc) + ": " + rootMessage(e));
            }
        }
        return problems;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
