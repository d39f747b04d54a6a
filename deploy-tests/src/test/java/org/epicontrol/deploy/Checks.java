package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the manifests against the code and against the deployment rules of k8s/README.md, one class per
 * concern: {@link WorkloadChecks} (probes, ports, environment, security, resources), {@link ReferenceChecks},
 * {@link AvailabilityChecks} (autoscaling, disruption budgets, graceful shutdown), {@link ExposureChecks} (Services,
 * Ingress, NetworkPolicies), {@link EndpointChecks} (supergraph, notice feed), {@link DatabaseClusterChecks}. Each
 * check returns the problems it found, one readable sentence each, so that a test can assert "none" on the real
 * manifests and "this one" on a doctored copy.
 */
final class Checks {

    private Checks() {
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
        problems.addAll(WorkloadChecks.probesAndPorts(cluster, contracts));
        problems.addAll(WorkloadChecks.environment(cluster, contracts));
        problems.addAll(WorkloadChecks.security(cluster));
        problems.addAll(WorkloadChecks.resources(cluster));
        problems.addAll(ReferenceChecks.references(cluster, external));
        problems.addAll(AvailabilityChecks.availability(cluster, contracts));
        problems.addAll(AvailabilityChecks.gracefulShutdown(cluster, contracts));
        problems.addAll(ExposureChecks.exposure(cluster));
        problems.addAll(ExposureChecks.networkPolicies(cluster));
        problems.addAll(EndpointChecks.supergraph(cluster, contracts));
        problems.addAll(EndpointChecks.noticeFeed(cluster, contracts));
        problems.addAll(DatabaseClusterChecks.databaseClusters(cluster, external));
        problems.addAll(ReadReplicas.check(cluster, contracts));
        return problems;
    }
}
