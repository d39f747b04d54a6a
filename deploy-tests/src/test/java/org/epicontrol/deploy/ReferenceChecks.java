package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.epicontrol.deploy.Cluster.Workload;

/** Every object a manifest refers to exists: Secrets and their keys, ConfigMaps, volumes, Services, selectors. */
final class ReferenceChecks {

    /**
     * Every Secret, ConfigMap, Service and workload a manifest refers to exists (Secrets may instead be
     * {@code external}: name to keys, as documented for the managed overlay), with the key referred to.
     */
    static List<String> references(Cluster cluster, Map<String, Set<String>> external) {
        List<String> problems = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            for (JsonNode c : w.containers()) {
                String where = w.id() + " container " + c.path("name").asText();
                for (JsonNode env : c.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    if (from.has("secretKeyRef")) {
                        checkKey(cluster, external, "Secret", from.path("secretKeyRef"), where, problems);
                    } else if (from.has("configMapKeyRef")) {
                        checkKey(cluster, Map.of(), "ConfigMap", from.path("configMapKeyRef"), where, problems);
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("secretRef")) {
                        String n = from.path("secretRef").path("name").asText();
                        if (cluster.find("Secret", n).isEmpty() && !external.containsKey(n)) {
                            problems.add(where + " takes envFrom the missing Secret/" + n);
                        }
                    }
                    if (from.has("configMapRef") && cluster.find("ConfigMap", from.path("configMapRef").path("name").asText()).isEmpty()) {
                        problems.add(where + " takes envFrom a missing ConfigMap/" + from.path("configMapRef").path("name").asText());
                    }
                }
                for (JsonNode m : c.path("volumeMounts")) {
                    if (w.volume(m.path("name").asText()).isEmpty()
                            && !isClaimTemplate(w, m.path("name").asText())) {
                        problems.add(where + " mounts the undeclared volume " + m.path("name").asText());
                    }
                }
            }
            for (JsonNode v : w.podSpec().path("volumes")) {
                if (v.has("configMap") && cluster.find("ConfigMap", v.path("configMap").path("name").asText()).isEmpty()) {
                    problems.add(w.id() + " volume " + v.path("name").asText() + " uses the missing ConfigMap/"
                            + v.path("configMap").path("name").asText());
                }
                if (v.has("secret")) {
                    String n = v.path("secret").path("secretName").asText();
                    if (cluster.find("Secret", n).isEmpty() && !external.containsKey(n)) {
                        problems.add(w.id() + " volume " + v.path("name").asText() + " uses the missing Secret/" + n);
                    }
                }
            }
            Map<String, String> selector = Cluster.matchLabels(w.doc().path("spec").path("selector"));
            if (!Cluster.selects(selector, w.podLabels())) {
                problems.add(w.id() + " selector does not select its own pod template");
            }
        }
        for (JsonNode s : cluster.ofKind("Service")) {
            if (cluster.selected(Cluster.labels(s.path("spec").path("selector"))).isEmpty()) {
                problems.add(Cluster.id(s) + " selects no pods of the manifests");
            }
        }
        for (JsonNode ing : cluster.ofKind("Ingress")) {
            List<JsonNode> backends = new ArrayList<>();
            ing.path("spec").path("rules").forEach(r -> r.path("http").path("paths").forEach(p -> backends.add(p.path("backend"))));
            if (ing.path("spec").has("defaultBackend")) {
                backends.add(ing.path("spec").path("defaultBackend"));
            }
            for (JsonNode b : backends) {
                String svc = b.path("service").path("name").asText();
                Optional<? extends JsonNode> s = cluster.find("Service", svc);
                if (s.isEmpty()) {
                    problems.add(Cluster.id(ing) + " routes to the missing Service/" + svc);
                    continue;
                }
                JsonNode port = b.path("service").path("port");
                boolean found = false;
                for (JsonNode sp : s.get().path("spec").path("ports")) {
                    found |= port.has("number") ? sp.path("port").asInt() == port.path("number").asInt()
                            : sp.path("name").asText().equals(port.path("name").asText());
                }
                if (!found) {
                    problems.add(Cluster.id(ing) + " routes to a port Service/" + svc + " does not have: " + port);
                }
            }
        }
        return problems;
    }

    private static boolean isClaimTemplate(Workload w, String name) {
        for (JsonNode t : w.doc().path("spec").path("volumeClaimTemplates")) {
            if (name.equals(t.path("metadata").path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void checkKey(Cluster cluster, Map<String, Set<String>> external, String kind, JsonNode ref,
            String where, List<String> problems) {
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        Optional<Map<String, String>> keys = cluster.keys(kind, name);
        Set<String> available = keys.map(Map::keySet).orElse(external.get(name));
        if (available == null) {
            problems.add(where + " refers to " + kind + "/" + name + ", which neither the manifests nor the documented "
                    + "external Secrets provide");
        } else if (!available.contains(key) && !ref.path("optional").asBoolean(false)) {
            problems.add(where + " refers to key " + key + " of " + kind + "/" + name + ", which has only " + available);
        }
    }

    private ReferenceChecks() {
    }
}
