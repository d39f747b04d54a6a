package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.epicontrol.deploy.Cluster.Workload;

/** What is published (Services, Ingress) and who may reach whom (NetworkPolicies). */
final class ExposureChecks {

    /** Who may connect to whom (NetworkPolicy ingress), per app.kubernetes.io/name of the receiving pods. */
    static final Map<String, Set<String>> ALLOWED_SOURCES = Map.of(
            "gateway", Set.of("namespace:ingress-nginx"),
            "web", Set.of("namespace:ingress-nginx"),
            // volunteer-service reads notice-service's areaEvents feed directly (NOTICE_FEED_URL)
            "notice-service", Set.of("pod:gateway", "pod:volunteer-service"),
            "volunteer-service", Set.of("pod:gateway"),
            "notice-db", Set.of("pod:notice-service"),
            "volunteer-db", Set.of("pod:volunteer-service"),
            // All three validate bearer tokens against the realm's keys (QUARKUS_OIDC_AUTH_SERVER_URL).
            "keycloak", Set.of("pod:gateway", "pod:notice-service", "pod:volunteer-service"));

    /** Prometheus, when a PodMonitor scrapes a workload (the ha overlay): it may reach exactly those pods. */
    static final String MONITORING = "namespace:monitoring";

    /** Services published through the Ingress: the gateway's GraphQL endpoint and the web console's files. */
    static final Set<String> PUBLISHED = Set.of("gateway", "web");

    /** Only the gateway and the web console are published, through an Ingress; no Service is exposed any other way. */
    static List<String> exposure(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        for (JsonNode s : cluster.ofKind("Service")) {
            String type = s.path("spec").path("type").asText("ClusterIP");
            if (!type.equals("ClusterIP")) {
                problems.add(Cluster.id(s) + " is of type " + type + "; only the gateway and the web console are published, via the Ingress");
            }
        }
        List<JsonNode> ingresses = cluster.ofKind("Ingress").stream().map(JsonNode.class::cast).toList();
        if (ingresses.isEmpty()) {
            problems.add("no Ingress for the gateway");
        }
        for (JsonNode ing : ingresses) {
            ing.path("spec").path("rules").forEach(r -> r.path("http").path("paths").forEach(p -> {
                String svc = p.path("backend").path("service").path("name").asText();
                if (!PUBLISHED.contains(svc)) {
                    problems.add(Cluster.id(ing) + " publishes Service/" + svc + "; only " + PUBLISHED + " may be published");
                }
            }));
        }
        return problems;
    }

    /**
     * NetworkPolicies: a default deny for the namespace, and for each workload exactly the sources of
     * {@link #ALLOWED_SOURCES}, and Prometheus ({@link #MONITORING}) where a PodMonitor scrapes it, each limited to
     * ports the workload listens on.
     */
    static List<String> networkPolicies(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> policies = cluster.ofKind("NetworkPolicy").stream().map(JsonNode.class::cast).toList();
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").size() == 0
                && p.path("spec").path("policyTypes").toString().contains("\"Ingress\"")
                && p.path("spec").path("ingress").size() == 0);
        if (!defaultDeny) {
            problems.add("no default-deny ingress NetworkPolicy (empty podSelector, policyTypes [Ingress], no rules)");
        }
        for (Workload w : cluster.workloads()) {
            Set<String> sources = new TreeSet<>();
            for (JsonNode p : policies) {
                Map<String, String> sel = Cluster.matchLabels(p.path("spec").path("podSelector"));
                if (sel == null) {
                    problems.add(Cluster.id(p) + " uses matchExpressions, which this check cannot evaluate");
                    continue;
                }
                if (!Cluster.selects(sel, w.podLabels())) {
                    continue;
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    String where = Cluster.id(p) + " (for " + w.app() + ")";
                    if (rule.path("from").size() == 0) {
                        sources.add("anyone");
                    }
                    for (JsonNode peer : rule.path("from")) {
                        sources.add(peer(cluster, peer));
                    }
                    if (rule.path("ports").size() == 0) {
                        problems.add(where + " allows every port");
                    }
                    for (JsonNode port : rule.path("ports")) {
                        int n = w.resolvePort(port.path("port"));
                        if (!w.containerPorts().contains(n)) {
                            problems.add(where + " allows port " + port.path("port").asText() + ", which "
                                    + w.app() + " does not listen on");
                        }
                    }
                }
            }
            Set<String> expected = ALLOWED_SOURCES.get(w.app());
            if (expected != null && scraped(cluster, w)) {
                expected = new TreeSet<>(expected);
                expected.add(MONITORING);
            }
            if (expected == null) {
                problems.add(w.id() + " (" + w.app() + ") has no rule in ExposureChecks.ALLOWED_SOURCES: say who may reach it");
            } else if (!sources.equals(new TreeSet<>(expected))) {
                problems.add(w.app() + " is reachable from " + sources + ", expected exactly " + new TreeSet<>(expected));
            }
        }
        return problems;
    }

    /** A PodMonitor selects the workload's pods: Prometheus scrapes them. */
    static boolean scraped(Cluster cluster, Workload w) {
        return cluster.ofKind("PodMonitor").stream().anyMatch(m -> {
            Map<String, String> sel = Cluster.matchLabels(m.path("spec").path("selector"));
            return sel != null && !sel.isEmpty() && Cluster.selects(sel, w.podLabels());
        });
    }

    private static String peer(Cluster cluster, JsonNode peer) {
        if (peer.has("ipBlock")) {
            return "ipBlock:" + peer.path("ipBlock").path("cidr").asText();
        }
        if (peer.has("namespaceSelector")) {
            Map<String, String> ns = Cluster.matchLabels(peer.path("namespaceSelector"));
            String name = ns == null ? "?" : ns.getOrDefault("kubernetes.io/metadata.name", ns.isEmpty() ? "*" : ns.toString());
            return "namespace:" + name + (peer.has("podSelector") ? "/pods" + peer.path("podSelector").path("matchLabels") : "");
        }
        Map<String, String> sel = Cluster.matchLabels(peer.path("podSelector"));
        if (sel == null || sel.isEmpty()) {
            return "pod:*";
        }
        List<String> apps = cluster.selected(sel).stream().map(Workload::app).distinct().sorted().toList();
        return apps.isEmpty() ? "pod:none" + sel : "pod:" + String.join(",", apps);
    }

    private ExposureChecks() {
    }
}
