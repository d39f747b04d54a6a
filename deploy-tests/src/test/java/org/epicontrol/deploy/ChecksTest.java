package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.container;
import static org.epicontrol.deploy.PlainManifests.doc;
import static org.epicontrol.deploy.PlainManifests.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks can fail: each test doctors one thing in the plain trial manifests and expects the check to name
 * it. The undoctored manifests pass every check (first test), so each failure is the doctoring's.
 */
class ChecksTest {

    private final Map<String, ServiceContract> contracts = ServiceContract.all();
    private Cluster cluster;

    @BeforeEach
    void freshManifests() {
        cluster = PlainManifests.trial();
    }

    private List<String> all() {
        return Checks.all(cluster, contracts, Map.of());
    }

    private static void assertProblem(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                () -> "expected a problem containing " + List.of(fragments) + ", got " + problems);
    }

    private static ObjectNode probe(ObjectNode container, String probe) {
        return (ObjectNode) container.path(probe).path("httpGet");
    }

    @Test
    void theUndoctoredPlainManifestsPass() {
        assertEquals(List.of(), all());
    }

    @Test
    void aProbePathThatIsNotSmallRyeHealth() {
        probe(container(cluster, "notice-service"), "readinessProbe").put("path", "/health/ready");
        assertProblem(Checks.probesAndPorts(cluster, contracts), "notice-service readinessProbe", "/health/ready",
                "/q/health/ready");
    }

    @Test
    void aLivenessProbeOnTheReadinessCheck() {
        probe(container(cluster, "gateway"), "livenessProbe").put("path", "/q/health/ready");
        assertProblem(Checks.probesAndPorts(cluster, contracts), "gateway livenessProbe", "/q/health/live");
    }

    @Test
    void aProbeOnAnotherServicesPort() {
        probe(container(cluster, "volunteer-service"), "startupProbe").put("port", 8081);
        assertProblem(Checks.probesAndPorts(cluster, contracts), "volunteer-service startupProbe port 8081", "8082");
    }

    @Test
    void aMissingProbe() {
        container(cluster, "notice-service").remove("startupProbe");
        assertProblem(Checks.probesAndPorts(cluster, contracts), "notice-service startupProbe is missing");
    }

    @Test
    void aContainerPortTheServiceDoesNotListenOn() {
        ((ObjectNode) container(cluster, "notice-service").at("/ports/0")).put("containerPort", 8080);
        assertProblem(Checks.probesAndPorts(cluster, contracts), "does not declare containerPort 8081");
    }

    @Test
    void anEnvironmentVariableTheServiceDoesNotRead() {
        env(cluster, "notice-service").addObject().put("name", "NOTICE_DB_SCHEMA").put("value", "public");
        assertProblem(Checks.environment(cluster, contracts), "sets NOTICE_DB_SCHEMA", "does not read");
    }

    @Test
    void anotherServicesVariable() {
        env(cluster, "notice-service").addObject().put("name", "VOLUNTEER_DB_URL").put("value", "postgresql://x/y");
        assertProblem(Checks.environment(cluster, contracts), "Deployment/notice-service", "VOLUNTEER_DB_URL");
    }

    @Test
    void aQuarkusVariableForAPropertyTheServiceDoesNotUse() {
        env(cluster, "notice-service").addObject().put("name", "QUARKUS_MAILER_HOST").put("value", "smtp.example.org");
        assertProblem(Checks.environment(cluster, contracts), "notice-service", "QUARKUS_MAILER_HOST", "does not read");
    }

    @Test
    void theRealmUrlIsReadByAllThreeServicesAlthoughOnlyDevAndTestSetIt() {
        for (String svc : ServiceContract.API_SERVICES) {
            assertTrue(contracts.get(svc).readsEnv("QUARKUS_OIDC_AUTH_SERVER_URL"), svc);
            assertTrue(contracts.get(svc).requiredEnv().contains("QUARKUS_OIDC_AUTH_SERVER_URL"), svc);
            assertTrue(env(cluster, svc).findValues("name").stream()
                    .anyMatch(n -> n.asText().equals("QUARKUS_OIDC_AUTH_SERVER_URL")), svc + " gets it");
        }
    }

    @Test
    void aServiceWithoutTheRealmUrl() {
        ArrayNode env = env(cluster, "volunteer-service");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().equals("QUARKUS_OIDC_AUTH_SERVER_URL")) {
                env.remove(i);
            }
        }
        assertProblem(Checks.environment(cluster, contracts), "Deployment/volunteer-service",
                "does not set QUARKUS_OIDC_AUTH_SERVER_URL", "prod profile");
    }

    @Test
    void theRealmUrlFromAnEnvFromSecretCounts() {
        ArrayNode env = env(cluster, "gateway");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().equals("QUARKUS_OIDC_AUTH_SERVER_URL")) {
                env.remove(i);
            }
        }
        cluster.docs.add(PlainManifests.secret("oidc-env", Map.of("AUTH_SERVER_URL", "http://keycloak:8080/realms/epidemic")));
        container(cluster, "gateway").putArray("envFrom").addObject().put("prefix", "QUARKUS_OIDC_")
                .putObject("secretRef").put("name", "oidc-env");
        assertEquals(List.of(), Checks.environment(cluster, contracts));
    }

    @Test
    void keycloakReachableFromTheIngressController() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "keycloak").at("/spec/ingress/0/from");
        from.addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("kubernetes.io/metadata.name", "ingress-nginx");
        assertProblem(Checks.networkPolicies(cluster), "keycloak is reachable from", "namespace:ingress-nginx");
    }

    @Test
    void keycloakNotReachableFromASubgraph() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "keycloak").at("/spec/ingress/0/from");
        for (int i = from.size() - 1; i >= 0; i--) {
            if (from.get(i).at("/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("notice-service")) {
                from.remove(i);
            }
        }
        assertProblem(Checks.networkPolicies(cluster), "keycloak is reachable from [pod:gateway, pod:volunteer-service]");
    }

    @Test
    void aQuarkusVariableForAPropertyTheServiceSetsIsFine() {
        ArrayNode env = env(cluster, "notice-service");
        env.addObject().put("name", "QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE").put("value", "10");
        env.addObject().put("name", "QUARKUS_SHUTDOWN_TIMEOUT").put("value", "20s");
        assertEquals(List.of(), Checks.environment(cluster, contracts));
    }

    @Test
    void aWritableRootFilesystem() {
        ((ObjectNode) container(cluster, "volunteer-service").get("securityContext")).put("readOnlyRootFilesystem", false);
        assertProblem(Checks.security(cluster), "Deployment/volunteer-service", "readOnlyRootFilesystem");
    }

    @Test
    void capabilitiesNotDropped() {
        ((ObjectNode) container(cluster, "notice-db").at("/securityContext/capabilities")).putArray("drop").add("NET_RAW");
        assertProblem(Checks.security(cluster), "StatefulSet/notice-db", "drop ALL");
    }

    @Test
    void rootAndNoSeccomp() {
        ObjectNode podSecurity = (ObjectNode) cluster.workload("gateway").orElseThrow().podSpec().path("securityContext");
        podSecurity.put("runAsUser", 0);
        podSecurity.remove("seccompProfile");
        List<String> problems = Checks.security(cluster);
        assertProblem(problems, "Deployment/gateway", "root");
        assertProblem(problems, "Deployment/gateway", "seccompProfile RuntimeDefault");
    }

    @Test
    void noTmpVolume() {
        ((ArrayNode) container(cluster, "gateway").get("volumeMounts")).remove(0);
        assertProblem(Checks.security(cluster), "Deployment/gateway", "/tmp");
    }

    @Test
    void noMemoryLimit() {
        ((ObjectNode) container(cluster, "gateway").at("/resources/limits")).remove("memory");
        assertProblem(Checks.resources(cluster), "Deployment/gateway", "limits.memory");
    }

    @Test
    void aSecretKeyThatDoesNotExist() {
        ((ObjectNode) container(cluster, "volunteer-service").at("/env/0/valueFrom/secretKeyRef")).put("key", "url");
        assertProblem(Checks.references(cluster, Map.of()), "volunteer-service", "key url", "Secret/volunteer-db");
    }

    @Test
    void aSecretNobodyProvides() {
        cluster.docs.removeIf(d -> d.path("kind").asText().equals("Secret")
                && d.path("metadata").path("name").asText().equals("notice-db"));
        assertProblem(Checks.references(cluster, Map.of()), "Secret/notice-db");
        assertEquals(List.of(), Checks.references(cluster,
                Map.of("notice-db", Set.of("reactive-url", "jdbc-url", "username", "password"))));
    }

    @Test
    void replicasFightingTheAutoscaler() {
        ((ObjectNode) doc(cluster, "Deployment", "notice-service").get("spec")).put("replicas", 3);
        assertProblem(Checks.availability(cluster, contracts), "notice-service sets replicas");
    }

    @Test
    void aGracePeriodShorterThanTheShutdown() {
        ((ObjectNode) cluster.workload("volunteer-service").orElseThrow().podSpec()).put("terminationGracePeriodSeconds", 30);
        assertProblem(Checks.gracefulShutdown(cluster, contracts), "Deployment/volunteer-service",
                "terminationGracePeriodSeconds 30", "35 s");
    }

    @Test
    void aShutdownTimeoutFromTheManifestLongerThanTheGracePeriod() {
        env(cluster, "gateway").addObject().put("name", "QUARKUS_SHUTDOWN_TIMEOUT").put("value", "1m");
        assertProblem(Checks.gracefulShutdown(cluster, contracts), "Deployment/gateway",
                "terminationGracePeriodSeconds 45", "65 s");
    }

    @Test
    void noAutoscalerNoDisruptionBudget() {
        cluster.docs.removeIf(d -> d.path("metadata").path("name").asText().equals("volunteer-service")
                && Set.of("HorizontalPodAutoscaler", "PodDisruptionBudget").contains(d.path("kind").asText()));
        List<String> problems = Checks.availability(cluster, contracts);
        assertProblem(problems, "volunteer-service has 0 HorizontalPodAutoscalers");
        assertProblem(problems, "volunteer-service has no PodDisruptionBudget");
    }

    @Test
    void aSubgraphPublishedDirectly() {
        ((ObjectNode) doc(cluster, "Service", "notice-service").get("spec")).put("type", "LoadBalancer");
        assertProblem(Checks.exposure(cluster), "Service/notice-service", "LoadBalancer");
    }

    @Test
    void theGatewayOpenToEveryone() {
        ((ObjectNode) doc(cluster, "NetworkPolicy", "gateway").at("/spec/ingress/0")).remove("from");
        assertProblem(Checks.networkPolicies(cluster), "gateway is reachable from [anyone]");
    }

    @Test
    void aDatabaseReachableFromTheOtherService() {
        ((ObjectNode) doc(cluster, "NetworkPolicy", "notice-db").at("/spec/ingress/0/from/0/podSelector/matchLabels"))
                .put("app.kubernetes.io/name", "volunteer-service");
        assertProblem(Checks.networkPolicies(cluster), "notice-db is reachable from [pod:volunteer-service]");
    }

    @Test
    void aSubgraphReachableFromKeycloak() {
        ArrayNode from = (ArrayNode) doc(cluster, "NetworkPolicy", "volunteer-service").at("/spec/ingress/0/from");
        from.addObject().putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", "keycloak");
        assertProblem(Checks.networkPolicies(cluster), "volunteer-service is reachable from", "pod:keycloak");
    }

    @Test
    void noDefaultDeny() {
        cluster.docs.removeIf(d -> d.path("metadata").path("name").asText().equals("default-deny-ingress"));
        assertProblem(Checks.networkPolicies(cluster), "no default-deny");
    }

    @Test
    void aSupergraphUrlOnTheWrongPortOrPath() {
        Function<String, String> doctor = sdl -> sdl
                .replace("http://volunteer-service:8082/graphql", "http://volunteer-service:8081/graphql")
                .replace("http://notice-service:8081/graphql", "http://notice-service:8081/gql");
        ObjectNode data = (ObjectNode) doc(cluster, "ConfigMap", "gateway-supergraph").get("data");
        data.put("supergraph.graphql", doctor.apply(data.get("supergraph.graphql").asText()));
        List<String> problems = Checks.supergraph(cluster, contracts);
        assertProblem(problems, "volunteer-service:8081", "has no port 8081");
        assertProblem(problems, "notice-service:8081/gql", "serves GraphQL at /graphql");
        assertProblem(problems, "no subgraph served by volunteer-service");
    }

    @Test
    void aSupergraphFileThatIsNotMounted() {
        ((ObjectNode) env(cluster, "gateway").get(0)).put("value", "/etc/supergraph.graphql");
        assertProblem(Checks.supergraph(cluster, contracts), "/etc/supergraph.graphql", "not a file of a ConfigMap");
    }

    @Test
    void aNoticeFeedUrlOnTheWrongServicePortOrPath() {
        ObjectNode feed = null;
        for (var variable : env(cluster, "volunteer-service")) {
            if (variable.path("name").asText().equals("NOTICE_FEED_URL")) {
                feed = (ObjectNode) variable;
            }
        }
        for (var doctored : Map.of(
                "http://volunteer-service:8082/graphql", "reaches [volunteer-service], not notice-service",
                "http://notice-service:8082/graphql", "Service/notice-service has no port 8082",
                "http://notice-service:8081/gql", "serves GraphQL at /graphql",
                "http://notices:8081/graphql", "no Service notices").entrySet()) {
            feed.put("value", doctored.getKey());
            assertProblem(Checks.noticeFeed(cluster, contracts), doctored.getKey(), doctored.getValue());
        }
    }
}
