package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The overlays as kubectl kustomize renders them (skipped, saying so, where kubectl is missing). */
class RenderedOverlaysTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static Map<String, Set<String>> externalSecrets(String overlay) {
        return overlay.endsWith("/managed") || overlay.endsWith("/ha")
                ? Checks.secretKeys(Manifests.load(overlay + "/secrets.example.yaml"))
                : Map.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectIsValidAgainstTheKubernetesApiModels(String overlay) {
        List<? extends JsonNode> docs = Manifests.render(overlay);
        assertTrue(docs.size() > 10, "suspiciously few objects rendered: " + docs.size());
        assertEquals(List.of(), Schema.problems(docs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void manifestsAgreeWithTheServicesCodeAndTheDeploymentRules(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        List<String> problems = Checks.all(cluster, ServiceContract.all(), externalSecrets(overlay));
        assertEquals(List.of(), problems, () -> overlay + ":\n  " + String.join("\n  ", problems));
    }

    /**
     * Subscriptions through the Ingress: /graphql reaches the gateway over HTTP/1.1 (WebSocket upgrade), connections
     * may stay open for an hour (the gateway pings every 15 s), and SSE / multipart events are not buffered.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void ingressKeepsSubscriptionsOpenAndStreamsThemUnbuffered(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        JsonNode ingress = cluster.ofKind("Ingress").get(0);
        JsonNode annotations = ingress.path("metadata").path("annotations");
        assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText());
        assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt() >= 3600, overlay);
        assertTrue(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asInt() >= 3600, overlay);
        assertEquals("1.1", annotations.path("nginx.ingress.kubernetes.io/proxy-http-version").asText(), overlay);
        assertEquals("off", annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText(), overlay);
        boolean graphqlToGateway = false;
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                graphqlToGateway |= path.path("path").asText().equals("/graphql")
                        && path.path("backend").path("service").path("name").asText().equals("gateway");
            }
        }
        assertTrue(graphqlToGateway, overlay + ": /graphql goes to the gateway");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void deploysTheThreeServicesWithTheirObjects(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        for (String svc : ServiceContract.SERVICES) {
            assertTrue(cluster.find("Deployment", svc).isPresent(), "Deployment " + svc);
            assertTrue(cluster.find("Service", svc).isPresent(), "Service " + svc);
            assertTrue(cluster.find("HorizontalPodAutoscaler", svc).isPresent(), "HPA " + svc);
            assertTrue(cluster.find("PodDisruptionBudget", svc).isPresent(), "PDB " + svc);
            assertTrue(cluster.find("NetworkPolicy", svc).isPresent(), "NetworkPolicy " + svc);
        }
        assertEquals(1, cluster.ofKind("Ingress").size());
        assertTrue(cluster.docs.stream().allMatch(d -> d.path("kind").asText().equals("Namespace")
                || d.path("metadata").path("namespace").asText().equals("epicontrol")), "all in namespace epicontrol");
    }

    /**
     * The console at each host of the Ingress may start a sign-in on the realm's public client (Keycloak accepts a
     * redirect URI equal to one listed, or starting with one listed that ends in '*'; it supports no wildcard in the
     * host) and call its token endpoint from the browser (CORS: the origin listed in webOrigins, or derived by "+"
     * from a redirect URI whose origin has no wildcard).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theConsoleAtTheIngressHostMaySignInAtTheRealm(String overlay) throws Exception {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        JsonNode client = null;
        for (JsonNode c : new ObjectMapper().readTree(Repo.read("k8s/keycloak/realm-epidemic.json")).path("clients")) {
            if (c.path("clientId").asText().equals("epidemic-web")) {
                client = c;
            }
        }
        assertTrue(client != null, "the realm has the console's client epidemic-web");
        List<String> redirects = new java.util.ArrayList<>();
        client.path("redirectUris").forEach(r -> redirects.add(r.asText()));
        List<String> origins = new java.util.ArrayList<>();
        client.path("webOrigins").forEach(o -> origins.add(o.asText()));
        Set<String> hosts = new TreeSet<>();
        cluster.ofKind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText())));
        assertFalse(hosts.isEmpty(), overlay + ": the Ingress names its host");
        for (String host : hosts) {
            String origin = "https://" + host;
            String console = origin + "/";
            String matched = redirects.stream().filter(r -> r.endsWith("*") ? console.startsWith(r.substring(0, r.length() - 1))
                    : console.equals(r)).findFirst().orElse(null);
            assertTrue(matched != null, overlay + ": no redirect URI of epidemic-web accepts " + console + ": " + redirects);
            boolean derived = origins.contains("+") && !matched.substring(0, matched.indexOf('/', "https://".length()) < 0
                    ? matched.length() : matched.indexOf('/', "https://".length())).contains("*");
            assertTrue(origins.contains(origin) || derived, overlay + ": " + origin + " may not call the token endpoint: "
                    + origins);
        }
    }

    @Test
    void trialBringsOneDatabaseAndOneCredentialPerServiceAndKeycloak() {
        Cluster trial = new Cluster(Manifests.render("k8s/overlays/trial"));
        String noticeSecret = secretOf(trial, "notice-service", "NOTICE_DB_PASSWORD");
        String volunteerSecret = secretOf(trial, "volunteer-service", "VOLUNTEER_DB_PASSWORD");
        assertNotEquals(noticeSecret, volunteerSecret, "each service has its own credentials");
        assertEquals(noticeSecret, secretOf(trial, "notice-db", "POSTGRES_PASSWORD"));
        assertEquals(volunteerSecret, secretOf(trial, "volunteer-db", "POSTGRES_PASSWORD"));
        Map<String, String> notice = trial.keys("Secret", noticeSecret).orElseThrow();
        Map<String, String> volunteer = trial.keys("Secret", volunteerSecret).orElseThrow();
        assertEquals("jdbc:postgresql://notice-db:5432/notices", notice.get("jdbc-url"));
        assertEquals("postgresql://notice-db:5432/notices", notice.get("reactive-url"));
        assertEquals("jdbc:postgresql://volunteer-db:5432/volunteers", volunteer.get("jdbc-url"));
        assertEquals("postgresql://volunteer-db:5432/volunteers", volunteer.get("reactive-url"));
        assertEquals("StatefulSet", trial.workload("notice-db").orElseThrow().kind());
        assertEquals("StatefulSet", trial.workload("volunteer-db").orElseThrow().kind());
        assertTrue(trial.workload("keycloak").isPresent());
        // Placeholders only: every password in the trial overlay says it is fake.
        for (JsonNode s : trial.ofKind("Secret")) {
            Cluster.entries(s).forEach((k, v) -> {
                if (k.contains("password")) {
                    assertTrue(v.startsWith("FAKE-"), Cluster.id(s) + " " + k + " is not an obvious placeholder");
                }
            });
        }
    }

    @Test
    void trialServicesValidateTokensAgainstTheTrialKeycloaksRealm() throws Exception {
        Cluster trial = new Cluster(Manifests.render("k8s/overlays/trial"));
        String realm = new ObjectMapper().readTree(Repo.read("k8s/keycloak/realm-epidemic.json")).path("realm").asText();
        String hostname = null;
        for (JsonNode e : trial.workload("keycloak").orElseThrow().containers().get(0).path("env")) {
            if (e.path("name").asText().equals("KC_HOSTNAME")) {
                hostname = e.path("value").asText();
            }
        }
        assertEquals("http://keycloak:8080", hostname, "the issuer's host is the in-cluster Service");
        for (String svc : ServiceContract.API_SERVICES) {
            String secret = secretOf(trial, svc, "QUARKUS_OIDC_AUTH_SERVER_URL");
            assertTrue(secret.startsWith("keycloak-oidc"), svc + " reads " + secret);
            assertEquals(hostname + "/realms/" + realm,
                    trial.keys("Secret", secret).orElseThrow().get("auth-server-url"), svc);
        }
    }

    @Test
    void trialKeycloakImportsTheRealmOfTheRepository() throws Exception {
        Cluster trial = new Cluster(Manifests.render("k8s/overlays/trial"));
        String realmJson = Repo.read("k8s/keycloak/realm-epidemic.json");
        String realm = new ObjectMapper().readTree(realmJson).path("realm").asText();
        String configMap = trial.workload("keycloak").orElseThrow().volume("realm").orElseThrow()
                .path("configMap").path("name").asText();
        assertEquals(realmJson, trial.keys("ConfigMap", configMap).orElseThrow().get("realm-epidemic.json"));
        assertEquals("epidemic", realm);
    }

    @Test
    void managedShipsNoSecretNoDatabaseNoKeycloak() {
        Cluster managed = new Cluster(Manifests.render("k8s/overlays/managed"));
        assertEquals(List.of(), managed.ofKind("Secret"), "real credentials are created outside the overlay");
        assertEquals(List.of(), managed.ofKind("StatefulSet"));
        assertFalse(managed.workload("keycloak").isPresent());
        Set<String> referenced = new TreeSet<>();
        for (var w : managed.workloads()) {
            w.containers().forEach(c -> c.path("env").forEach(e ->
                    referenced.add(e.path("valueFrom").path("secretKeyRef").path("name").asText(""))));
        }
        referenced.remove("");
        assertEquals(new TreeSet<>(Set.of("notice-db", "volunteer-db", "keycloak-oidc", "keycloak-admin-client",
                "keycloak-gateway-client")), referenced);
        assertEquals(referenced, externalSecrets("k8s/overlays/managed").keySet());
    }

    @Test
    void haRunsEachDatabaseAsACloudNativePgClusterThatItsServiceWritesThroughTheRwService() {
        Cluster ha = new Cluster(Manifests.render("k8s/overlays/ha"));
        assertEquals(List.of(), ha.ofKind("Secret"), "real credentials are created outside the overlay");
        assertEquals(List.of(), ha.ofKind("StatefulSet"), "the operator runs the databases");
        assertFalse(ha.workload("keycloak").isPresent());
        Map<String, String[]> databases = Map.of("notice-service", new String[] {"notice-db", "notices", "NOTICE"},
                "volunteer-service", new String[] {"volunteer-db", "volunteers", "VOLUNTEER"});
        databases.forEach((svc, db) -> {
            JsonNode cluster = ha.find("Cluster", db[0]).orElseThrow();
            assertEquals(3, cluster.path("spec").path("instances").asInt(), db[0]);
            assertEquals(db[1], cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
            assertEquals(db[0], cluster.path("spec").path("bootstrap").path("initdb").path("secret").path("name")
                    .asText(), "the owner the operator creates is the user the service logs in as");
            assertEquals(db[0], secretOf(ha, svc, db[2] + "_DB_USER"));
            assertEquals(db[0], secretOf(ha, svc, db[2] + "_DB_PASSWORD"));
            assertEquals("postgresql://" + db[0] + "-rw:5432/" + db[1], literal(ha, svc, db[2] + "_DB_URL"));
            assertEquals("jdbc:postgresql://" + db[0] + "-rw:5432/" + db[1], literal(ha, svc, db[2] + "_DB_JDBC_URL"));
            assertTrue(ha.ofKind("NetworkPolicy").stream().anyMatch(p -> db[0].equals(p.path("spec")
                    .path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())
                    && p.path("spec").path("ingress").toString().contains("\"" + svc + "\"")),
                    "a NetworkPolicy lets " + svc + " reach " + db[0]);
        });
        assertEquals(new TreeSet<>(Set.of("notice-db", "volunteer-db", "backup-object-store", "keycloak-oidc",
                "keycloak-admin-client", "keycloak-gateway-client")),
                new TreeSet<>(externalSecrets("k8s/overlays/ha").keySet()));
    }

    @Test
    void haScrapesNoticeServiceAndAlertsOnItsReplicaLagAboveTheMaxLagItIsGiven() {
        Cluster ha = new Cluster(Manifests.render("k8s/overlays/ha"));
        long maxLag = seconds(literal(ha, "notice-service", "NOTICE_DB_REPLICA_MAX_LAG"));
        JsonNode endpoint = ha.find("PodMonitor", "notice-service").orElseThrow().at("/spec/podMetricsEndpoints/0");
        assertEquals("/q/metrics", endpoint.path("path").asText(), "Quarkus's Micrometer endpoint");
        boolean named = false;
        for (JsonNode c : ha.workload("notice-service").orElseThrow().containers()) {
            for (JsonNode port : c.path("ports")) {
                named |= port.path("name").asText().equals(endpoint.path("port").asText());
            }
        }
        assertTrue(named, "the PodMonitor scrapes a port notice-service's container names");
        // Not in the overlay's resources until the PrometheusRule CRD is vendored (notice-service-alerts.yaml).
        JsonNode rules = Manifests.load("k8s/overlays/ha/notice-service-alerts.yaml").get(0).at("/spec/groups/0/rules");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        rules.forEach(r -> byName.put(r.path("alert").asText(), r));
        assertEquals("notices_read_replica_lag_seconds > " + maxLag,
                byName.get("NoticeReadReplicaLagging").path("expr").asText(),
                "the alert fires above the max-lag notice-service is given (NOTICE_DB_REPLICA_MAX_LAG)");
        assertTrue(byName.containsKey("NoticeReadReplicaLagUnknown"));
    }

    /** A Quarkus duration of whole seconds or minutes ("5s", "1m") in seconds. */
    private static long seconds(String duration) {
        if (duration.matches("\\d+s")) {
            return Long.parseLong(duration.substring(0, duration.length() - 1));
        }
        if (duration.matches("\\d+m")) {
            return 60 * Long.parseLong(duration.substring(0, duration.length() - 1));
        }
        throw new AssertionError("not whole seconds or minutes: " + duration);
    }

    private static String literal(Cluster cluster, String workload, String variable) {
        for (JsonNode c : cluster.workload(workload).orElseThrow().containers()) {
            for (JsonNode e : c.path("env")) {
                if (e.path("name").asText().equals(variable)) {
                    assertFalse(e.has("valueFrom"), variable + " has a literal value");
                    return e.path("value").asText();
                }
            }
        }
        throw new AssertionError(workload + " does not set " + variable);
    }

    private static String secretOf(Cluster cluster, String workload, String variable) {
        for (JsonNode c : cluster.workload(workload).orElseThrow().containers()) {
            for (JsonNode e : c.path("env")) {
                if (e.path("name").asText().equals(variable)) {
                    return e.path("valueFrom").path("secretKeyRef").path("name").asText();
                }
            }
        }
        throw new AssertionError(workload + " does not set " + variable);
    }
}
