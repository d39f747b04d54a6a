package org.epicontrol.roster.mobilisation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.KeycloakServer;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Approval against the real Keycloak with the suite's realm: the approved account's next token carries the realm
 * role volunteer; with Keycloak down at approval the grant waits, and the retry job grants it once Keycloak is back.
 * The accounts are real Keycloak users; this service still gets its tokens from the test OIDC stub, with the user's
 * Keycloak id as subject (what Keycloak's own token would say).
 */
@QuarkusTest
@TestProfile(KeycloakRoleGrantTest.WithKeycloak.class)
class KeycloakRoleGrantTest {

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the job's timer stays out of the way: the test runs the job's work itself, when it wants
            return Map.of("mobilisation.grant-retry-every", "PT1H");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealKeycloak.class));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REALM = "epidemic";

    KeycloakServer keycloak;

    @Inject
    RoleGrants grants;

    @Test
    void theApprovedAccountsNextTokenCarriesTheRoleVolunteer() throws Exception {
        Town town = new Town();
        String username = RosterFixtures.unique("self-registered").toLowerCase();
        String userId = createUser(username);
        assertFalse(realmRoles(username).contains("volunteer"));
        String registration = register(town, userId, username);
        Town.approve(town.adminA, registration)
                .body("data.approveRegistration.status", equalTo("APPROVED"))
                .body("data.approveRegistration.roleGranted", equalTo(true));
        assertTrue(realmRoles(username).contains("volunteer"));
        // granting again is harmless: nothing pending, nothing fails
        assertEquals(0, grants.grantPending().await().indefinitely());
    }

    @Test
    void withKeycloakDownTheGrantWaitsAndTheJobGrantsItOnceKeycloakIsBack() throws Exception {
        Town town = new Town();
        String username = RosterFixtures.unique("waiting").toLowerCase();
        String userId = createUser(username);
        String registration = register(town, userId, username);
        keycloak.stop();
        try {
            // the approval itself stands: volunteer created and linked, the grant recorded as pending
            Town.approve(town.adminA, registration)
                    .body("data.approveRegistration.status", equalTo("APPROVED"))
                    .body("data.approveRegistration.roleGranted", equalTo(false));
            assertEquals(0, grants.grantPending().await().indefinitely());
        } finally {
            keycloak.startAgain();
        }
        assertTrue(grants.grantPending().await().indefinitely() >= 1);
        RosterFixtures.GRAPHQL.post("query($c: ID!) { registrations(communityId: $c) { id roleGranted } }",
                        Map.of("c", town.communityA))
                .body("data.registrations.find { it.id == '" + registration + "' }.roleGranted", equalTo(true));
        assertTrue(realmRoles(username).contains("volunteer"));
    }

    private static String register(Town town, String userId, String username) {
        var account = RosterFixtures.ANONYMOUS.bearer(TestTokens.user(username).subject(userId).sign());
        return Town.register(account, Town.registration(town.communityA, "RESIDENT"))
                .extract().path("data.registerAsVolunteer.id");
    }

    /** A user as the realm's self-registration leaves it: no role of the realm's own. */
    private String createUser(String username) throws IOException, InterruptedException {
        JsonObject user = new JsonObject().put("username", username).put("enabled", true)
                .put("email", username + "@demo.epicontrol.invalid").put("emailVerified", true)
                .put("firstName", "Zhang").put("lastName", "San")
                .put("credentials", new JsonArray().add(new JsonObject().put("type", "password").put("value", "demo")
                        .put("temporary", false)));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                                URI.create(keycloak.url() + "/admin/realms/" + REALM + "/users"))
                        .header("Authorization", "Bearer " + serviceAccountToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The realm roles in the user's next access token (password grant of the scripts' client). */
    private List<Object> realmRoles(String username) {
        String token = keycloak.token(REALM, "epidemic-cli", username, "demo");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonObject access = new JsonObject(payload).getJsonObject("realm_access");
        return access == null ? List.of() : access.getJsonArray("roles").getList();
    }

    private String serviceAccountToken() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=volunteer-service&client_secret="
                + URLEncoder.encode(RealKeycloak.CLIENT_SECRET, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(keycloak.realmUrl(REALM) + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("access_token");
    }
}
