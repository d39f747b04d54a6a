package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.custom.Quantity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicontrol.deploy.Cluster.Workload;

/**
 * The checks of the manifests against the code and against the deployment rules of k8s/README.md. Each returns
 * the problems it found, one readable sentence each, so that a test can assert "none" on the real manifests and
 * "this one" on a doctored copy.
 */
final class Checks {

    /** Probe field to SmallRye Health check. */
    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "started",
            "readinessProbe", "ready",
            "livenessProbe", "live");

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

    /** Workloads allowed a writable root filesystem, and why (keycloak.yaml says more). */
    static final Map<String, String> WRITABLE_ROOT = Map.of(
            "keycloak", "Keycloak's start-dev augments itself inside the image (trial only)");

    private static final Pattern JOIN_GRAPH =
            Pattern.compile("@join__graph\\(\\s*name:\\s*\"([^\"]+)\"\\s*,\\s*url:\\s*\"([^\"]+)\"\\s*\\)");

    private Checks() {
    }

    /** Every probe of a service is the SmallRye Health check for it, on the port the service's config gives. */
    static List<String> probesAndPorts(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (ServiceContract svc : contracts.values()) {
            Optional<Workload> w = cluster.workload(svc.name());
            if (w.isEmpty()) {
                problems.add("no Deployment for " + svc.name());
                continue;
            }
            if (!svc.hasHealthExtension()) {
                problems.add(svc.name() + " lacks quarkus-smallrye-health in its pom, so /q/health/* does not exist");
            }
            Optional<JsonNode> c = w.get().container(svc.name());
            if (c.isEmpty()) {
                problems.add(w.get().id() + " has no container named " + svc.name());
                continue;
            }
            if (!w.get().containerPorts().contains(svc.httpPort())) {
                problems.add(w.get().id() + " does not declare containerPort " + svc.httpPort()
                        + " (quarkus.http.port in " + svc.source() + ")");
            }
            for (var probe : PROBES.entrySet()) {
                String where = w.get().id() + " " + probe.getKey();
                JsonNode p = c.get().path(probe.getKey());
                if (p.isMissingNode()) {
                    problems.add(where + " is missing");
                    continue;
                }
                JsonNode http = p.path("httpGet");
                if (http.isMissingNode()) {
                    problems.add(where + " is not an httpGet probe on SmallRye Health");
                    continue;
                }
                String expectedPath = svc.healthPath(probe.getValue());
                if (!expectedPath.equals(http.path("path").asText())) {
                    problems.add(where + " path " + http.path("path").asText() + " is not SmallRye Health's "
                            + expectedPath + " (" + svc.source() + ")");
                }
                int port = w.get().resolvePort(http.path("port"));
                if (port != svc.healthPort()) {
                    problems.add(where + " port " + http.path("port").asText() + " is not " + svc.healthPort()
                            + ", the port " + svc.source() + " configures");
                }
            }
            Optional<? extends JsonNode> service = cluster.find("Service", svc.name());
            if (service.isEmpty()) {
                problems.add("no Service named " + svc.name());
            } else {
                boolean reaches = false;
                for (JsonNode sp : service.get().path("spec").path("ports")) {
                    JsonNode target = sp.has("targetPort") ? sp.path("targetPort") : sp.path("port");
                    reaches |= w.get().resolvePort(target) == svc.httpPort();
                }
                if (!reaches) {
                    problems.add("Service/" + svc.name() + " has no port whose targetPort is " + svc.httpPort());
                }
            }
        }
        return problems;
    }

    /**
     * Every environment variable a manifest gives a service is one the service reads, and the service's container
     * gets every variable its prod profile cannot start without (ServiceContract).
     */
    static List<String> environment(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (ServiceContract svc : contracts.values()) {
            Optional<Workload> w = cluster.workload(svc.name());
            if (w.isEmpty()) {
                continue;
            }
            for (JsonNode c : w.get().containers()) {
                String where = w.get().id() + " container " + c.path("name").asText();
                if (c.path("name").asText().equals(svc.name())) {
                    Set<String> given = new TreeSet<>();
                    c.path("env").forEach(e -> given.add(e.path("name").asText()));
                    for (JsonNode from : c.path("envFrom")) {
                        String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
                        String name = from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
                        cluster.keys(kind, name).ifPresent(keys ->
                                keys.keySet().forEach(k -> given.add(from.path("prefix").asText("") + k)));
                    }
                    for (String required : svc.requiredEnv()) {
                        if (!given.contains(required)) {
                            problems.add(where + " does not set " + required + ", which " + svc.name()
                                    + " needs in the prod profile (" + svc.source() + " gives it no prod value)");
                        }
                    }
                }
                for (JsonNode env : c.path("env")) {
                    String name = env.path("name").asText();
                    if (!svc.readsEnv(name)) {
                        problems.add(where + " sets " + name + ", which " + svc.name() + " does not read (neither ${"
                                + name + "} nor a property whose environment form is " + name + " in "
                                + svc.source() + ")");
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
                    String name = from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
                    Optional<Map<String, String>> keys = cluster.keys(kind, name);
                    if (keys.isEmpty()) {
                        problems.add(where + " takes envFrom " + kind + "/" + name
                                + ", which is not in the manifests, so its variables cannot be checked");
                        continue;
                    }
                    for (String key : keys.get().keySet()) {
                        String variable = from.path("prefix").asText("") + key;
                        if (!svc.readsEnv(variable)) {
                            problems.add(where + " gets " + variable + " from " + kind + "/" + name + ", which "
                                    + svc.name() + " does not read (" + svc.source() + ")");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, read-only root. */
    static List<String> security(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            JsonNode pod = w.podSpec();
            JsonNode psc = pod.path("securityContext");
            if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
                problems.add(w.id() + " mounts a service account token (automountServiceAccountToken: false)");
            }
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(host).asBoolean(false)) {
                    problems.add(w.id() + " uses " + host);
                }
            }
            if (psc.path("runAsUser").asInt(-1) == 0) {
                problems.add(w.id() + " runs as root (runAsUser 0)");
            }
            for (JsonNode c : w.containers()) {
                String where = w.id() + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (!(sc.path("runAsNonRoot").asBoolean(false) || psc.path("runAsNonRoot").asBoolean(false))) {
                    problems.add(where + " is not runAsNonRoot");
                }
                if (sc.path("runAsUser").asInt(-1) == 0) {
                    problems.add(where + " runs as root (runAsUser 0)");
                }
                String seccomp = sc.path("seccompProfile").path("type").asText(psc.path("seccompProfile").path("type").asText());
                if (!seccomp.equals("RuntimeDefault")) {
                    problems.add(where + " has no seccompProfile RuntimeDefault");
                }
                if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
                    problems.add(where + " does not set allowPrivilegeEscalation: false");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    problems.add(where + " is privileged");
                }
                Set<String> drop = new TreeSet<>();
                sc.path("capabilities").path("drop").forEach(d -> drop.add(d.asText()));
                if (!drop.contains("ALL")) {
                    problems.add(where + " does not drop ALL capabilities");
                }
                if (sc.path("capabilities").path("add").size() > 0) {
                    problems.add(where + " adds capabilities " + sc.path("capabilities").path("add"));
                }
                boolean readOnly = sc.path("readOnlyRootFilesystem").asBoolean(false);
                if (!readOnly && !WRITABLE_ROOT.containsKey(w.app())) {
                    problems.add(where + " does not have readOnlyRootFilesystem: true");
                }
                if (!hasEmptyDirAt(w, c, "/tmp")) {
                    problems.add(where + " has no emptyDir mounted on /tmp");
                }
            }
        }
        return problems;
    }

    private static boolean hasEmptyDirAt(Workload w, JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (path.equals(m.path("mountPath").asText())) {
                return w.volume(m.path("name").asText()).map(v -> v.has("emptyDir")).orElse(false);
            }
        }
        return false;
    }

    /** Every container requests CPU and memory and has a memory limit at least its request. */
    static List<String> resources(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            for (JsonNode c : w.containers()) {
                String where = w.id() + " container " + c.path("name").asText();
                JsonNode r = c.path("resources");
                for (String field : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    if (r.at("/" + field).isMissingNode()) {
                        problems.add(where + " has no resources " + field.replace('/', '.'));
                    }
                }
                if (r.at("/requests/memory").isTextual() && r.at("/limits/memory").isTextual()
                        && new Quantity(r.at("/limits/memory").asText()).getNumber()
                                .compareTo(new Quantity(r.at("/requests/memory").asText()).getNumber()) < 0) {
                    problems.add(where + " limits memory below its request");
                }
            }
        }
        return problems;
    }

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

    /** Each service scales with an autoscaling/v2 HPA, owns no fixed replica count, and has a PodDisruptionBudget. */
    static List<String> availability(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (ServiceContract svc : contracts.values()) {
            Optional<Workload> w = cluster.workload(svc.name());
            if (w.isEmpty()) {
                continue;
            }
            List<JsonNode> hpas = cluster.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals(w.get().kind())
                            && h.path("spec").path("scaleTargetRef").path("name").asText().equals(svc.name()))
                    .map(JsonNode.class::cast).toList();
            if (hpas.size() != 1) {
                problems.add(w.get().id() + " has " + hpas.size() + " HorizontalPodAutoscalers, not 1");
            } else {
                JsonNode h = hpas.get(0);
                if (!h.path("apiVersion").asText().equals("autoscaling/v2")) {
                    problems.add(Cluster.id(h) + " is not autoscaling/v2");
                }
                int min = h.path("spec").path("minReplicas").asInt(1);
                int max = h.path("spec").path("maxReplicas").asInt(0);
                if (min < 1 || max < min || h.path("spec").path("metrics").size() == 0) {
                    problems.add(Cluster.id(h) + " needs 1 <= minReplicas <= maxReplicas and a metric");
                }
                if (w.get().doc().path("spec").has("replicas")) {
                    problems.add(w.get().id() + " sets replicas, which would fight its HorizontalPodAutoscaler on every apply");
                }
            }
            boolean pdb = cluster.ofKind("PodDisruptionBudget").stream().anyMatch(p ->
                    Cluster.selects(Cluster.matchLabels(p.path("spec").path("selector")), w.get().podLabels()));
            if (!pdb) {
                problems.add(w.get().id() + " has no PodDisruptionBudget");
            }
        }
        return problems;
    }

    /**
     * A pod's terminationGracePeriodSeconds exceeds its service's shutdown delay plus shutdown timeout (prod profile,
     * or the container's QUARKUS_SHUTDOWN_* values): otherwise the kubelet's SIGKILL cuts requests still in flight.
     */
    static List<String> gracefulShutdown(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (ServiceContract svc : contracts.values()) {
            Optional<Workload> w = cluster.workload(svc.name());
            Optional<JsonNode> c = w.flatMap(wl -> wl.container(svc.name()));
            if (c.isEmpty()) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            c.get().path("env").forEach(e -> {
                if (e.has("value")) {
                    env.put(e.path("name").asText(), e.path("value").asText());
                }
            });
            String timeout = env.getOrDefault("QUARKUS_SHUTDOWN_TIMEOUT", svc.property("quarkus.shutdown.timeout", null));
            if (timeout == null) {
                continue;
            }
            Duration needed = ServiceContract.duration(timeout);
            String delay = env.getOrDefault("QUARKUS_SHUTDOWN_DELAY", svc.property("quarkus.shutdown.delay", null));
            // the delay is compiled in only with delay-enabled (build time)
            if (delay != null && Boolean.parseBoolean(svc.property("quarkus.shutdown.delay-enabled", "false"))) {
                needed = needed.plus(ServiceContract.duration(delay));
            }
            // Kubernetes' default when the field is absent
            long grace = w.get().podSpec().path("terminationGracePeriodSeconds").asLong(30);
            if (grace <= needed.toSeconds()) {
                problems.add(w.get().id() + " terminationGracePeriodSeconds " + grace + " is not above the "
                        + needed.toSeconds() + " s that " + svc.name() + " may take to shut down (quarkus.shutdown."
                        + "delay + timeout, " + svc.source() + ")");
            }
        }
        return problems;
    }

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
     * {@link #ALLOWED_SOURCES}, each limited to ports the workload listens on.
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
            if (expected == null) {
                problems.add(w.id() + " (" + w.app() + ") has no rule in Checks.ALLOWED_SOURCES: say who may reach it");
            } else if (!sources.equals(new TreeSet<>(expected))) {
                problems.add(w.app() + " is reachable from " + sources + ", expected exactly " + new TreeSet<>(expected));
            }
        }
        return problems;
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

    /**
     * The supergraph the gateway reads (GATEWAY_SUPERGRAPH_FILE, a file of a ConfigMap it mounts) names every
     * subgraph by a Service of the manifests, on a port that reaches the subgraph's quarkus.http.port, with its
     * GraphQL path.
     */
    static List<String> supergraph(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        Optional<Workload> gw = cluster.workload("gateway");
        Optional<JsonNode> container = gw.flatMap(g -> g.container("gateway"));
        if (container.isEmpty()) {
            return List.of("no gateway Deployment with a container named gateway");
        }
        String file = literalEnv(container.get(), "GATEWAY_SUPERGRAPH_FILE");
        if (file == null) {
            return List.of("the gateway has no literal GATEWAY_SUPERGRAPH_FILE");
        }
        String sdl = null;
        for (JsonNode m : container.get().path("volumeMounts")) {
            String dir = m.path("mountPath").asText();
            if (file.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                String key = m.has("subPath") ? m.path("subPath").asText() : file.substring(dir.length()).replaceFirst("^/", "");
                Optional<JsonNode> v = gw.get().volume(m.path("name").asText());
                if (v.isPresent() && v.get().has("configMap")) {
                    sdl = cluster.keys("ConfigMap", v.get().path("configMap").path("name").asText())
                            .map(k -> k.get(key)).orElse(null);
                }
            }
        }
        if (sdl == null) {
            return List.of("GATEWAY_SUPERGRAPH_FILE " + file + " is not a file of a ConfigMap the gateway mounts");
        }
        Set<String> reached = new TreeSet<>();
        Matcher m = JOIN_GRAPH.matcher(sdl);
        while (m.find()) {
            URI url = URI.create(m.group(2));
            reached.addAll(graphqlEndpoint(cluster, contracts, "subgraph " + m.group(1) + " at " + url, url, problems));
        }
        for (String svc : ServiceContract.API_SERVICES) {
            if (!svc.equals("gateway") && !reached.contains(svc)) {
                problems.add("the supergraph names no subgraph served by " + svc);
            }
        }
        return problems;
    }

    /**
     * Where a URL inside the cluster lands: a Service of the manifests, on a port that reaches the service's
     * quarkus.http.port, at its GraphQL path. Adds the problems; answers the services it reaches.
     */
    private static Set<String> graphqlEndpoint(Cluster cluster, Map<String, ServiceContract> contracts, String what,
            URI url, List<String> problems) {
        Set<String> reached = new TreeSet<>();
        String host = url.getHost() == null ? "" : url.getHost().split("\\.")[0];
        int port = url.getPort() == -1 ? 80 : url.getPort();
        Optional<? extends JsonNode> service = cluster.find("Service", host);
        if (service.isEmpty()) {
            problems.add(what + ": no Service " + host);
            return reached;
        }
        JsonNode servicePort = null;
        for (JsonNode sp : service.get().path("spec").path("ports")) {
            if (sp.path("port").asInt() == port) {
                servicePort = sp;
            }
        }
        if (servicePort == null) {
            problems.add(what + ": Service/" + host + " has no port " + port);
            return reached;
        }
        for (Workload target : cluster.selected(Cluster.labels(service.get().path("spec").path("selector")))) {
            ServiceContract svc = contracts.get(target.name());
            if (svc == null) {
                problems.add(what + " is not one of the services " + contracts.keySet());
                continue;
            }
            reached.add(svc.name());
            JsonNode targetPort = servicePort.has("targetPort") ? servicePort.path("targetPort") : servicePort.path("port");
            if (target.resolvePort(targetPort) != svc.httpPort()) {
                problems.add(what + " reaches port " + target.resolvePort(targetPort) + " of " + svc.name()
                        + ", which listens on " + svc.httpPort());
            }
            if (!url.getPath().equals(svc.graphqlPath())) {
                problems.add(what + ": " + svc.name() + " serves GraphQL at " + svc.graphqlPath());
            }
        }
        return reached;
    }

    /**
     * volunteer-service's NOTICE_FEED_URL (a literal value) is notice-service's GraphQL endpoint through a Service
     * of the manifests: otherwise its consumer of the areaEvents feed retries forever and nothing happens.
     */
    static List<String> noticeFeed(Cluster cluster, Map<String, ServiceContract> contracts) {
        Optional<JsonNode> container = cluster.workload("volunteer-service").flatMap(w -> w.container("volunteer-service"));
        if (container.isEmpty()) {
            return List.of();
        }
        String url = literalEnv(container.get(), "NOTICE_FEED_URL");
        if (url == null) {
            return List.of("volunteer-service has no literal NOTICE_FEED_URL (notice-service's GraphQL endpoint)");
        }
        List<String> problems = new ArrayList<>();
        String what = "NOTICE_FEED_URL " + url;
        Set<String> reached = graphqlEndpoint(cluster, contracts, what, URI.create(url), problems);
        if (problems.isEmpty() && !reached.equals(Set.of("notice-service"))) {
            problems.add(what + " reaches " + reached + ", not notice-service");
        }
        return problems;
    }

    /** The literal value a container gives an environment variable (null when none, or taken from elsewhere). */
    private static String literalEnv(JsonNode container, String name) {
        String value = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                value = env.path("value").asText(null);
            }
        }
        return value;
    }

    /** Secrets named in a YAML file, with their keys (the managed overlay's documented external Secrets). */
    static Map<String, Set<String>> secretKeys(List<? extends JsonNode> docs) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (JsonNode d : docs) {
            if (d.path("kind").asText().equals("Secret")) {
                keys.put(d.path("metadata").path("name").asText(), new TreeSet<>(Cluster.entries(d).keySet()));
            }
        }
        return keys;
    }

    /** All checks but the offline schema validation, in one list. */
    static List<String> all(Cluster cluster, Map<String, ServiceContract> contracts, Map<String, Set<String>> external) {
        List<String> problems = new ArrayList<>();
        problems.addAll(probesAndPorts(cluster, contracts));
        problems.addAll(environment(cluster, contracts));
        problems.addAll(security(cluster));
        problems.addAll(resources(cluster));
        problems.addAll(references(cluster, external));
        problems.addAll(availability(cluster, contracts));
        problems.addAll(gracefulShutdown(cluster, contracts));
        problems.addAll(exposure(cluster));
        problems.addAll(networkPolicies(cluster));
        problems.addAll(supergraph(cluster, contracts));
        problems.addAll(noticeFeed(cluster, contracts));
        problems.addAll(databaseClusters(cluster, external));
        return problems;
    }

    /**
     * Every CloudNativePG Cluster has replicas (at least 3 instances), backups to an object store whose credentials
     * come from a Secret that exists (in the manifests or among the external ones) with the keys named, a
     * ScheduledBackup and a PodMonitor; its bootstrap Secret exists with username and password.
     */
    static List<String> databaseClusters(Cluster cluster, Map<String, Set<String>> external) {
        List<String> problems = new ArrayList<>();
        for (JsonNode db : cluster.ofKind("Cluster")) {
            String name = db.path("metadata").path("name").asText();
            JsonNode spec = db.path("spec");
            if (spec.path("instances").asInt(1) < 3) {
                problems.add("Cluster/" + name + " has fewer than 3 instances (a primary and two replicas)");
            }
            JsonNode store = spec.path("backup").path("barmanObjectStore");
            if (store.isMissingNode()) {
                problems.add("Cluster/" + name + " has no backup.barmanObjectStore");
            }
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(credential);
                if (!store.isMissingNode() && !secretHas(cluster, external, ref.path("name").asText(),
                        ref.path("key").asText())) {
                    problems.add("Cluster/" + name + " backup credential " + credential + " names the missing "
                            + "Secret key " + ref.path("name").asText() + "/" + ref.path("key").asText());
                }
            }
            String bootstrap = spec.path("bootstrap").path("initdb").path("secret").path("name").asText();
            for (String key : List.of("username", "password")) {
                if (!secretHas(cluster, external, bootstrap, key)) {
                    problems.add("Cluster/" + name + " bootstraps its owner from the missing Secret key "
                            + bootstrap + "/" + key);
                }
            }
            boolean scheduled = cluster.ofKind("ScheduledBackup").stream().anyMatch(b ->
                    b.path("spec").path("cluster").path("name").asText().equals(name));
            if (!scheduled) {
                problems.add("Cluster/" + name + " has no ScheduledBackup");
            }
            boolean monitored = cluster.ofKind("PodMonitor").stream().anyMatch(m -> name.equals(m.path("spec")
                    .path("selector").path("matchLabels").path("cnpg.io/cluster").asText()));
            if (!monitored) {
                problems.add("Cluster/" + name + " has no PodMonitor selecting cnpg.io/cluster=" + name);
            }
        }
        return problems;
    }

    private static boolean secretHas(Cluster cluster, Map<String, Set<String>> external, String name, String key) {
        return cluster.keys("Secret", name).map(k -> k.containsKey(key)).orElse(false)
                || external.getOrDefault(name, Set.of()).contains(key);
    }
}
