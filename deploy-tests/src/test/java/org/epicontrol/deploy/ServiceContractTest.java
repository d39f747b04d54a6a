package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the checks take from the services' own configuration. */
class ServiceContractTest {

    @Test
    void readsTheSubgraphsConfiguration() {
        ServiceContract notice = ServiceContract.load("notice-service");
        assertFalse(notice.assumed());
        assertTrue(notice.hasHealthExtension());
        assertEquals(8081, notice.httpPort());
        assertEquals(8081, notice.healthPort());
        assertEquals("/q/health/live", notice.healthPath("live"));
        assertEquals("/q/health/ready", notice.healthPath("ready"));
        assertEquals("/q/health/started", notice.healthPath("started"));
        assertEquals("/graphql", notice.graphqlPath());
        for (String v : new String[] {"NOTICE_DB_URL", "NOTICE_DB_JDBC_URL", "NOTICE_DB_USER", "NOTICE_DB_PASSWORD"}) {
            assertTrue(notice.readsEnv(v), v);
        }
        assertFalse(notice.readsEnv("NOTICE_DB"), "a prefix of a variable is not the variable");
        assertFalse(notice.readsEnv("VOLUNTEER_DB_URL"));

        ServiceContract volunteer = ServiceContract.load("volunteer-service");
        assertEquals(8082, volunteer.httpPort());
        assertTrue(volunteer.readsEnv("VOLUNTEER_DB_JDBC_URL"));
        assertFalse(volunteer.readsEnv("NOTICE_DB_URL"));
    }

    @Test
    void theGatewayContract() {
        ServiceContract gateway = ServiceContract.load("gateway");
        assertEquals(8080, gateway.httpPort());
        assertEquals("/q/health/started", gateway.healthPath("started"));
        assertTrue(gateway.readsEnv("GATEWAY_SUPERGRAPH_FILE"));
    }

    @Test
    void environmentFormOfAProperty() {
        assertEquals("QUARKUS_OIDC_AUTH_SERVER_URL", ServiceContract.envName("quarkus.oidc.auth-server-url"));
        assertEquals("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", ServiceContract.envName("quarkus.datasource.reactive.max-size"));
        ServiceContract s = ServiceContract.parse("s", "test", false, true,
                "%prod.quarkus.shutdown.timeout=30s\nroster.zone=Asia/Shanghai\nx.url=${X_URL:http://localhost}\n");
        assertTrue(s.readsEnv("QUARKUS_SHUTDOWN_TIMEOUT"), "profile prefix removed");
        assertTrue(s.readsEnv("ROSTER_ZONE"));
        assertTrue(s.readsEnv("X_URL"));
        assertFalse(s.readsEnv("QUARKUS_HTTP_PORT"));
    }

    @Test
    void durationsAsQuarkusReadsThem() {
        assertEquals(Duration.ofSeconds(30), ServiceContract.duration("30s"));
        assertEquals(Duration.ofSeconds(30), ServiceContract.duration("30"));
        assertEquals(Duration.ofMillis(500), ServiceContract.duration("500ms"));
        assertEquals(Duration.ofMinutes(1), ServiceContract.duration("1m"));
        assertEquals(Duration.ofSeconds(45), ServiceContract.duration("PT45S"));
        assertEquals(Duration.ofDays(2), ServiceContract.duration("2d"));
    }

    @Test
    void aPropertySetOnlyInDevAndTestIsStillReadFromTheEnvironmentInProd() {
        ServiceContract s = ServiceContract.parse("s", "test", false, true, """
                quarkus.oidc.application-type=service
                %dev.quarkus.oidc.auth-server-url=http://localhost:8180/realms/epidemic
                %test.quarkus.oidc.auth-server-url=${keycloak.url:x}/realms/quarkus/
                """);
        assertTrue(s.readsEnv("QUARKUS_OIDC_AUTH_SERVER_URL"), "a plain variable applies in every profile");
        assertEquals(java.util.Set.of("QUARKUS_OIDC_AUTH_SERVER_URL"), s.requiredEnv(),
                "no prod value: the manifest must give it");
        assertFalse(s.readsEnv("_DEV_QUARKUS_OIDC_AUTH_SERVER_URL"));
    }

    @Test
    void whenTheRealmUrlIsNotRequired() {
        assertEquals(java.util.Set.of(), ServiceContract.parse("p", "test", false, true, """
                quarkus.oidc.application-type=service
                %prod.quarkus.oidc.auth-server-url=${KC_URL:https://k/realms/r}
                """).requiredEnv(), "a prod value with a default");
        assertEquals(java.util.Set.of(), ServiceContract.parse("u", "test", false, true, """
                quarkus.oidc.auth-server-url=https://k/realms/r
                """).requiredEnv(), "an unprefixed value applies in prod");
        assertEquals(java.util.Set.of(), ServiceContract.parse("d", "test", false, true, """
                quarkus.oidc.client-id=x
                %prod.quarkus.oidc.tenant-enabled=false
                """).requiredEnv(), "tenant switched off in prod");
        assertEquals(java.util.Set.of(), ServiceContract.parse("n", "test", false, true,
                "quarkus.http.port=8080\n").requiredEnv(), "no quarkus-oidc configuration");
    }

    @Test
    void variablesWithoutDefaultInProdValues() {
        ServiceContract s = ServiceContract.parse("s", "test", false, true, """
                a.file=${A_FILE}
                b.url=${B_URL:http://localhost}
                %dev.c.key=${C_KEY}
                d.key=${D_KEY}
                %prod.d.key=fixed
                %prod.e.url=jdbc:${E_HOST}/db
                """);
        assertEquals(java.util.Set.of("A_FILE", "E_HOST"), s.requiredEnv());
    }

    @Test
    void theServicesNeedTheRealmUrlFromTheirManifests() {
        for (String svc : ServiceContract.API_SERVICES) {
            ServiceContract c = ServiceContract.load(svc);
            assertTrue(c.readsEnv("QUARKUS_OIDC_AUTH_SERVER_URL"), svc);
            assertEquals(java.util.Set.of("QUARKUS_OIDC_AUTH_SERVER_URL"), c.requiredEnv(), svc);
        }
    }

    @Test
    void theServicesReadTheTraceExportSettings() {
        // An overlay pointing traces at a collector sets the same two variables on all three Deployments.
        for (String svc : ServiceContract.API_SERVICES) {
            ServiceContract c = ServiceContract.load(svc);
            assertTrue(c.readsEnv("OTEL_EXPORTER_OTLP_ENDPOINT"), svc);
            assertTrue(c.readsEnv("OTEL_SDK_DISABLED"), svc);
        }
    }

    @Test
    void healthAndPortsFollowTheConfiguration() {
        ServiceContract s = ServiceContract.parse("s", "test", false, true, """
                quarkus.http.port=${PORT:9090}
                quarkus.smallrye-health.root-path=/health
                quarkus.smallrye-health.readiness-path=ok
                """);
        assertEquals(9090, s.httpPort());
        assertEquals("/health/live", s.healthPath("live"));
        assertEquals("/health/ok", s.healthPath("ready"));

        ServiceContract m = ServiceContract.parse("m", "test", false, true, """
                quarkus.http.port=8081
                quarkus.management.enabled=true
                quarkus.http.non-application-root-path=internal
                """);
        assertEquals(9000, m.healthPort());
        assertEquals("/q/health/live", m.healthPath("live"), "management interface has its own root");

        ServiceContract n = ServiceContract.parse("n", "test", false, true, "quarkus.http.non-application-root-path=internal\n");
        assertEquals(8080, n.httpPort());
        assertEquals("/internal/health/started", n.healthPath("started"));
    }
}
