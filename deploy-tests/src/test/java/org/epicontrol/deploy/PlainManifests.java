package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trial installation assembled from the plain manifest files without kustomize, so that the checks can be
 * tried on doctored copies even where kubectl is missing. kustomize's generated objects are stood in for by hand:
 * the ConfigMaps from their source files or the base's literals, the Secrets from the managed overlay's template plus
 * keycloak-admin.
 */
final class PlainManifests {

    static final List<String> FILES = List.of(
            "k8s/base/namespace.yaml",
            "k8s/base/network-policies.yaml",
            "k8s/base/notice-service.yaml",
            "k8s/base/volunteer-service.yaml",
            "k8s/base/gateway.yaml",
            "k8s/base/web.yaml",
            "k8s/overlays/trial/notice-db.yaml",
            "k8s/overlays/trial/volunteer-db.yaml",
            "k8s/overlays/trial/keycloak.yaml");

    private PlainManifests() {
    }

    static Cluster trial() {
        List<ObjectNode> docs = new ArrayList<>(Manifests.load(FILES.toArray(String[]::new)));
        docs.add(configMap("gateway-supergraph", "supergraph.graphql", Repo.read("k8s/base/gateway/supergraph.graphql")));
        docs.add(configMap("gateway-trusted-documents", "persisted-documents.json",
                Repo.read("k8s/base/gateway/persisted-documents.json")));
        docs.add(configMap("keycloak-realm", "realm-epidemic.json", Repo.read("k8s/keycloak/realm-epidemic.json")));
        docs.add(literalsConfigMap("k8s/base/kustomization.yaml", "tracing"));
        docs.addAll(Manifests.load("k8s/overlays/managed/secrets.example.yaml"));
        docs.add(secret("keycloak-admin", Map.of("username", "admin", "password", "FAKE")));
        return new Cluster(docs);
    }

    static ObjectNode configMap(String name, String key, String value) {
        ObjectNode cm = JsonNodeFactory.instance.objectNode();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", name);
        cm.putObject("data").put(key, value);
        return cm;
    }

    /** A configMapGenerator entry of a kustomization made of {@code literals} (KEY=value). */
    static ObjectNode literalsConfigMap(String kustomization, String name) {
        for (JsonNode generator : Manifests.load(kustomization).get(0).path("configMapGenerator")) {
            if (generator.path("name").asText().equals(name)) {
                ObjectNode cm = configMap(name, "", "");
                ObjectNode data = cm.putObject("data");
                for (JsonNode literal : generator.path("literals")) {
                    String[] keyValue = literal.asText().split("=", 2);
                    data.put(keyValue[0], keyValue[1]);
                }
                return cm;
            }
        }
        throw new AssertionError("no configMapGenerator " + name + " in " + kustomization);
    }

    static ObjectNode secret(String name, Map<String, String> values) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("apiVersion", "v1").put("kind", "Secret");
        s.putObject("metadata").put("name", name);
        ObjectNode data = s.putObject("stringData");
        values.forEach(data::put);
        return s;
    }

    /** The object to doctor. */
    static ObjectNode doc(Cluster cluster, String kind, String name) {
        return cluster.find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    /** The first container of a workload, to doctor. */
    static ObjectNode container(Cluster cluster, String workload) {
        JsonNode c = cluster.workload(workload).orElseThrow().podSpec().path("containers").get(0);
        return (ObjectNode) c;
    }

    static ArrayNode env(Cluster cluster, String workload) {
        ObjectNode c = container(cluster, workload);
        return c.has("env") ? (ArrayNode) c.get("env") : c.putArray("env");
    }
}
