package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 报到 through the gateway with the real Keycloak: a resident creates an account with the realm's registration form
 * (no role), registers to volunteer for 西贾社区, the community's admin approves; volunteer-service grants the realm
 * role {@code volunteer} in Keycloak, and the account's next token carries it and {@code me} answers its volunteer.
 */
@ExtendWith(SuiteExtension.class)
class VolunteerRegistrationEndToEndTest {

    /** A bound, not a figure: the grant is carried out right after the approval's commit. */
    private static final Duration GRANTED = Duration.ofSeconds(60);
    private static final String PASSWORD = "Resident-2022";

    private static final String REGISTER = """
            mutation($in: RegistrationInput!) { registerAsVolunteer(input: $in) { id status kind name community { id } } }""";
    private static final String MINE = "{ myRegistrations { id status roleGranted volunteer { id } } }";
    private static final String APPROVE = """
            mutation($id: ID!) { approveRegistration(id: $id) { id status decidedBy volunteer { id name kinds } } }""";
    private static final String PENDING = """
            query($c: ID!) { registrations(communityId: $c, status: APPROVED) { id roleGranted } }""";
    private static final String ME = "{ me { id name community { id } } }";

    private final RunningSuite suite;

    VolunteerRegistrationEndToEndTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void aSelfRegisteredAccountRegistersIsApprovedAndItsNextTokenActsAsTheVolunteer() {
        String community = DemoUnits.firstGrid(suite).communityId();
        String realm = suite.keycloak().realmUrl(SuiteLauncher.Suite.REALM);
        String username = "resident-" + System.nanoTime();
        SelfRegistration.register(realm, username, PASSWORD, "秀兰", "高");
        String before = token(username);
        assertFalse(realmRoles(before).contains("volunteer"), before);
        JsonPath nobody = Gateway.queryWithToken(suite, before, ME);
        assertNull(nobody.get("data.me"), nobody::prettify);

        JsonPath registered = Gateway.queryWithToken(suite, before, REGISTER, "in", Map.of("communityId", community,
                "name", "高秀兰", "phone", "13903519999", "kind", "RESIDENT", "skills", List.of("DRIVING")));
        assertNull(registered.get("errors"), registered::prettify);
        String id = registered.getString("data.registerAsVolunteer.id");
        assertEquals("PENDING", registered.getString("data.registerAsVolunteer.status"));
        JsonPath mine = Gateway.queryWithToken(suite, before, MINE);
        assertEquals(List.of(id), mine.getList("data.myRegistrations.id"), mine::prettify);

        // another community's admin may not decide; the community's own admin approves
        JsonPath refused = Gateway.queryAs(suite, "admin-nanneihuan", APPROVE, "id", id);
        assertEquals("FORBIDDEN", refused.getString("errors[0].extensions.code"), refused::prettify);
        JsonPath approved = Gateway.queryAs(suite, HouseholdBuilding.ADMIN, APPROVE, "id", id);
        assertNull(approved.get("errors"), approved::prettify);
        assertEquals("APPROVED", approved.getString("data.approveRegistration.status"));
        String volunteer = approved.getString("data.approveRegistration.volunteer.id");
        assertEquals(List.of("RESIDENT"), approved.getList("data.approveRegistration.volunteer.kinds"));

        Eventually.await(GRANTED, "the role granted in Keycloak for registration " + id,
                () -> Gateway.queryAs(suite, HouseholdBuilding.ADMIN, PENDING, "c", community),
                answer -> Boolean.TRUE.equals(answer.get("data.registrations.find { it.id == '" + id + "' }.roleGranted")));
        String after = token(username);
        assertTrue(realmRoles(after).contains("volunteer"), after);
        JsonPath me = Gateway.queryWithToken(suite, after, ME);
        assertNull(me.get("errors"), me::prettify);
        assertEquals(volunteer, me.getString("data.me.id"));
        assertEquals(community, me.getString("data.me.community.id"));
    }

    private String token(String username) {
        return suite.keycloak().token(SuiteLauncher.Suite.REALM, "epidemic-cli", username, PASSWORD);
    }

    /** The realm roles the token's payload carries (read, not verified: the services verify it). */
    private static List<String> realmRoles(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        List<String> roles = JsonPath.from(payload).getList("realm_access.roles");
        return roles == null ? List.of() : roles;
    }
}
