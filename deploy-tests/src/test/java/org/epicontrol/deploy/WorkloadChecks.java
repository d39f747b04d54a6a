package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.custom.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.epicontrol.deploy.Cluster.Workload;

/**
 * The checks of each service's pods against its code and of every container against the deployment rules of
 * k8s/README.md: probes and ports, environment, security context, resources.
 */
final class WorkloadChecks {

    /** Probe field to SmallRye Health check. */
    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "started",
            "readinessProbe", "ready",
            "livenessProbe", "live");

    /** Workloads allowed a writable root filesystem, and why (keycloak.yaml says more). */
    static final Map<String, String> WRITABLE_ROOT = Map.of(
            "keycloak", "Keycloak's start-dev augments itself inside the image (trial only)");

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

    private WorkloadChecks() {
    }
}
