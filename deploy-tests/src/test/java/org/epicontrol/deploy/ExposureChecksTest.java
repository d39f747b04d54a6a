package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.doc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * {@link ExposureChecks} can fail: what is published and who may reach whom, doctored one at a time in the plain
 * trial manifests.
 */
class ExposureChecksTest extends DoctoredManifests {

    @Test
    void keycloakReachableFromTheIngressController() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "keycloak").at("/spec/ingress/0/from");
        from.addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("kubernetes.io/metadata.name", "ingress-nginx");
        assertProblem(ExposureChecks.networkPolicies(cluster), "keycloak is reachable from", "namespace:ingress-nginx");
    }

    @Test
    void keycloakNotReachableFromASubgraph() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "keycloak").at("/spec/ingress/0/from");
        for (int i = from.size() - 1; i >= 0; i--) {
            if (from.get(i).at("/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("notice-service")) {
                from.remove(i);
            }
        }
        assertProblem(ExposureChecks.networkPolicies(cluster), "keycloak is reachable from [pod:gateway, pod:volunteer-service]");
    }

    @Test
    void aSubgraphPublishedDirectly() {
        ((ObjectNode) doc(cluster, "Service", "notice-service").get("spec")).put("type", "LoadBalancer");
        assertProblem(ExposureChecks.exposure(cluster), "Service/notice-service", "LoadBalancer");
    }

    @Test
    void theGatewayOpenToEveryone() {
        ((ObjectNode) doc(cluster, "NetworkPolicy", "gateway").at("/spec/ingress/0")).remove("from");
        assertProblem(ExposureChecks.networkPolicies(cluster), "gateway is reachable from [anyone]");
    }

    @Test
    void aDatabaseReachableFromTheOtherService() {
        ((ObjectNode) doc(cluster, "NetworkPolicy", "notice-db").at("/spec/ingress/0/from/0/podSelector/matchLabels"))
                .put("app.kubernetes.io/name", "volunteer-service");
        assertProblem(ExposureChecks.networkPolicies(cluster), "notice-db is reachable from [pod:volunteer-service]");
    }

    @Test
    void aSubgraphReachableFromKeycloak() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "volunteer-service").at("/spec/ingress/0/from");
        from.addObject().putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", "keycloak");
        assertProblem(ExposureChecks.networkPolicies(cluster), "volunteer-service is reachable from", "pod:keycloak");
    }

    @Test
    void aScrapedServiceThatPrometheusCannotReach() {
        ObjectNode monitor = cluster.docs.get(0).objectNode();
        monitor.put("apiVersion", "monitoring.coreos.com/v1").put("kind", "PodMonitor");
        monitor.putObject("metadata").put("name", "notice-service");
        ObjectNode spec = monitor.putObject("spec");
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", "notice-service");
        spec.putArray("podMetricsEndpoints").addObject().put("port", "http").put("path", "/q/metrics");
        cluster.docs.add(monitor);
        assertProblem(ExposureChecks.networkPolicies(cluster), "notice-service is reachable from",
                "expected exactly [namespace:monitoring, pod:gateway, pod:volunteer-service]");
    }

    @Test
    void prometheusReachingAServiceNoPodMonitorScrapes() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "volunteer-service").at("/spec/ingress/0/from");
        from.addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("kubernetes.io/metadata.name", "monitoring");
        assertProblem(ExposureChecks.networkPolicies(cluster), "volunteer-service is reachable from",
                "namespace:monitoring", "expected exactly [pod:gateway]");
    }

    @Test
    void noDefaultDeny() {
        cluster.docs.removeIf(d -> d.path("metadata").path("name").asText().equals("default-deny-ingress"));
        assertProblem(ExposureChecks.networkPolicies(cluster), "no default-deny");
    }
}
