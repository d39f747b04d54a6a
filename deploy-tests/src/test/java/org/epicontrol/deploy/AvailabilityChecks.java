package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epicontrol.deploy.Cluster.Workload;

/** Scaling, disruption budgets and graceful shutdown of each service's pods. */
final class AvailabilityChecks {

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

    private AvailabilityChecks() {
    }
}
