package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A set of manifests (one overlay rendered, or some plain files) with the look-ups the checks need. */
final class Cluster {

    static final String NAME_LABEL = "app.kubernetes.io/name";

    final List<ObjectNode> docs;

    Cluster(List<ObjectNode> docs) {
        this.docs = docs;
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText("?") + "/" + doc.path("metadata").path("name").asText("?");
    }

    List<ObjectNode> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst();
    }

    /** Deployments and StatefulSets. */
    List<Workload> workloads() {
        List<Workload> w = new ArrayList<>();
        for (ObjectNode d : docs) {
            String kind = d.path("kind").asText();
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                w.add(new Workload(d));
            }
        }
        return w;
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The keys of a ConfigMap or Secret, with their values (Secret data decoded). */
    Optional<Map<String, String>> keys(String kind, String name) {
        return find(kind, name).map(Cluster::entries);
    }

    static Map<String, String> entries(JsonNode configMapOrSecret) {
        Map<String, String> keys = new LinkedHashMap<>();
        configMapOrSecret.path("data").fields().forEachRemaining(e -> keys.put(e.getKey(),
                configMapOrSecret.path("kind").asText().equals("Secret")
                        ? new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)
                        : e.getValue().asText()));
        configMapOrSecret.path("stringData").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
        return keys;
    }

    static Map<String, String> labels(JsonNode labelsNode) {
        Map<String, String> labels = new LinkedHashMap<>();
        labelsNode.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A label selector with matchLabels only (the manifests use nothing else); null means "cannot tell". */
    static Map<String, String> matchLabels(JsonNode selector) {
        if (selector.has("matchExpressions")) {
            return null;
        }
        return labels(selector.path("matchLabels"));
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    List<Workload> selected(Map<String, String> selector) {
        return workloads().stream().filter(w -> selects(selector, w.podLabels())).toList();
    }

    /** A Deployment or StatefulSet, seen through its pod template. */
    record Workload(ObjectNode doc) {

        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        String id() {
            return Cluster.id(doc);
        }

        JsonNode podSpec() {
            return doc.path("spec").path("template").path("spec");
        }

        Map<String, String> podLabels() {
            return labels(doc.path("spec").path("template").path("metadata").path("labels"));
        }

        String app() {
            return podLabels().getOrDefault(NAME_LABEL, name());
        }

        List<JsonNode> containers() {
            List<JsonNode> c = new ArrayList<>();
            podSpec().path("initContainers").forEach(c::add);
            podSpec().path("containers").forEach(c::add);
            return c;
        }

        Optional<JsonNode> container(String name) {
            return containers().stream().filter(c -> name.equals(c.path("name").asText())).findFirst();
        }

        Optional<JsonNode> volume(String name) {
            for (JsonNode v : podSpec().path("volumes")) {
                if (name.equals(v.path("name").asText())) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        /** A port given by number or by the name of a container port; -1 if the name is unknown. */
        int resolvePort(JsonNode port) {
            if (port.isInt() || port.asText().matches("\\d+")) {
                return port.asInt();
            }
            for (JsonNode c : containers()) {
                for (JsonNode p : c.path("ports")) {
                    if (port.asText().equals(p.path("name").asText())) {
                        return p.path("containerPort").asInt();
                    }
                }
            }
            return -1;
        }

        Set<Integer> containerPorts() {
            Set<Integer> ports = new TreeSet<>();
            containers().forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt())));
            return ports;
        }
    }
}
