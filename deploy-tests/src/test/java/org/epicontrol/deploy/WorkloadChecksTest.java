package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.container;
import static org.epicontrol.deploy.PlainManifests.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkloadChecks} can fail: probes, ports, environment, security context and resources of the pods, doctored
 * one at a time in the plain trial manifests.
 */
class WorkloadChecksTest extends DoctoredManifests {

    @Test
    void aProbePathThatIsNotSmallRyeHealth() {
        probe(container(cluster, "notice-service"), "readinessProbe").put("path", "/health/ready");
        assertProblem(WorkloadChecks.probesAndPorts(cluster, contracts), "notice-service readinessProbe", "/health/ready",
                "/q/health/ready");
    }

    @Test
    void aLivenessProbeOnTheReadinessCheck() {
        probe(container(cluster, "gateway"), "livenessProbe").put("path", "/q/health/ready");
        assertProblem(WorkloadChecks.probesAndPorts(cluster, contracts), "gateway livenessProbe", "/q/health/live");
    }

    @Test
    void aProbeOnAnotherServicesPort() {
        probe(container(cluster, "volunteer-service"), "startupProbe").put("port", 8081);
        assertProblem(WorkloadChecks.probesAndPorts(cluster, contracts), "volunteer-service startupProbe port 8081", "8082");
    }

    @Test
    void aMissingProbe() {
        container(cluster, "notice-service").remove("startupProbe");
        assertProblem(WorkloadChecks.probesAndPorts(cluster, contracts), "notice-service startupProbe is missing");
    }

    @Test
    void aContainerPortTheServiceDoesNotListenOn() {
        ((ObjectNode) container(cluster, "notice-service").at("/ports/0")).put("containerPort", 8080);
        assertProblem(WorkloadChecks.probesAndPorts(cluster, contracts), "does not declare containerPort 8081");
    }

    @Test
    void anEnvironmentVariableTheServiceDoesNotRead() {
        env(cluster, "notice-service").addObject().put("name", "NOTICE_DB_SCHEMA").put("value", "public");
        assertProblem(WorkloadChecks.environment(cluster, contracts), "sets NOTICE_DB_SCHEMA", "does not read");
    }

    @Test
    void anotherServicesVariable() {
        env(cluster, "notice-service").addObject().put("name", "VOLUNTEER_DB_URL").put("value", "postgresql://x/y");
        assertProblem(WorkloadChecks.environment(cluster, contracts), "Deployment/notice-service", "VOLUNTEER_DB_URL");
    }

    @Test
    void aQuarkusVariableForAPropertyTheServiceDoesNotUse() {
        env(cluster, "notice-service").addObject().put("name", "QUARKUS_MAILER_HOST").put("value", "smtp.example.org");
        assertProblem(WorkloadChecks.environment(cluster, contracts), "notice-service", "QUARKUS_MAILER_HOST", "does not read");
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
        assertProblem(WorkloadChecks.environment(cluster, contracts), "Deployment/volunteer-service",
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
        assertEquals(List.of(), WorkloadChecks.environment(cluster, contracts));
    }

    @Test
    void aQuarkusVariableForAPropertyTheServiceSetsIsFine() {
        ArrayNode env = env(cluster, "notice-service");
        env.addObject().put("name", "QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE").put("value", "10");
        env.addObject().put("name", "QUARKUS_SHUTDOWN_TIMEOUT").put("value", "20s");
        assertEquals(List.of(), WorkloadChecks.environment(cluster, contracts));
    }

    @Test
    void aWritableRootFilesystem() {
        ((ObjectNode) container(cluster, "volunteer-service").get("securityContext")).put("readOnlyRootFilesystem", false);
        assertProblem(WorkloadChecks.security(cluster), "Deployment/volunteer-service", "readOnlyRootFilesystem");
    }

    @Test
    void capabilitiesNotDropped() {
        ((ObjectNode) container(cluster, "notice-db").at("/securityContext/capabilities")).putArray("drop").add("NET_RAW");
        assertProblem(WorkloadChecks.security(cluster), "StatefulSet/notice-db", "drop ALL");
    }

    @Test
    void rootAndNoSeccomp() {
        ObjectNode podSecurity = (ObjectNode) cluster.workload("gateway").orElseThrow().podSpec().path("securityContext");
        podSecurity.put("runAsUser", 0);
        podSecurity.remove("seccompProfile");
        List<String> problems = WorkloadChecks.security(cluster);
        assertProblem(problems, "Deployment/gateway", "root");
        assertProblem(problems, "Deployment/gateway", "seccompProfile RuntimeDefault");
    }

    @Test
    void noTmpVolume() {
        ((ArrayNode) container(cluster, "gateway").get("volumeMounts")).remove(0);
        assertProblem(WorkloadChecks.security(cluster), "Deployment/gateway", "/tmp");
    }

    @Test
    void noMemoryLimit() {
        ((ObjectNode) container(cluster, "gateway").at("/resources/limits")).remove("memory");
        assertProblem(WorkloadChecks.resources(cluster), "Deployment/gateway", "limits.memory");
    }
}
