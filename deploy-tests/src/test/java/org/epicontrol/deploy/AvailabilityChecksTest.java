package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.doc;
import static org.epicontrol.deploy.PlainManifests.env;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AvailabilityChecks} can fail: autoscaling, disruption budgets and graceful shutdown, doctored one at a
 * time in the plain trial manifests.
 */
class AvailabilityChecksTest extends DoctoredManifests {

    @Test
    void replicasFightingTheAutoscaler() {
        ((ObjectNode) doc(cluster, "Deployment", "notice-service").get("spec")).put("replicas", 3);
        assertProblem(AvailabilityChecks.availability(cluster, contracts), "notice-service sets replicas");
    }

    @Test
    void aGracePeriodShorterThanTheShutdown() {
        ((ObjectNode) cluster.workload("volunteer-service").orElseThrow().podSpec()).put("terminationGracePeriodSeconds", 30);
        assertProblem(AvailabilityChecks.gracefulShutdown(cluster, contracts), "Deployment/volunteer-service",
                "terminationGracePeriodSeconds 30", "35 s");
    }

    @Test
    void aShutdownTimeoutFromTheManifestLongerThanTheGracePeriod() {
        env(cluster, "gateway").addObject().put("name", "QUARKUS_SHUTDOWN_TIMEOUT").put("value", "1m");
        assertProblem(AvailabilityChecks.gracefulShutdown(cluster, contracts), "Deployment/gateway",
                "terminationGracePeriodSeconds 45", "65 s");
    }

    @Test
    void noAutoscalerNoDisruptionBudget() {
        cluster.docs.removeIf(d -> d.path("metadata").path("name").asText().equals("volunteer-service")
                && Set.of("HorizontalPodAutoscaler", "PodDisruptionBudget").contains(d.path("kind").asText()));
        List<String> problems = AvailabilityChecks.availability(cluster, contracts);
        assertProblem(problems, "volunteer-service has 0 HorizontalPodAutoscalers");
        assertProblem(problems, "volunteer-service has no PodDisruptionBudget");
    }
}
