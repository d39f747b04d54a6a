package org.epicontrol.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.epicontrol.testsupport.ForgedTokens;
import org.epicontrol.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff signed in with the real Keycloak (tokens from the password grant, realm k8s/keycloak/realm-epidemic.json),
 * through the gateway to the real services.
 */
@ExtendWith(SuiteExtension.class)
class StaffAccessTest {

    /** The checkpoint shifts of 西贾社区's north gate, found through the notice that made the compound high-risk. */
    private static final String GATE_SHIFTS = """
            query($id: ID!, $from: DateTime!, $to: DateTime!) { notice(id: $id) { designations(level: "HIGH") { areas {
              fullName dutyPosts { name shifts(from: $from, to: $to) { id startsAt cancelled } } } } } }""";
    private static final String CANCEL = """
            mutation($s: ID!) { cancelShift(shiftId: $s, reason: "e2e: not allowed") { id cancelled } }""";
    private static final String ON_DUTY_PHONES = """
            query($id: ID!) { notice(id: $id) { designations(level: "HIGH") { areas {
              fullName onDutyNow { volunteer { name phone } } } } } }""";

    private final RunningSuite suite;

    StaffAccessTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void communityAdminOfAnotherCommunityCannotCancelAShiftAndNothingChanges() {
        String shift = lastGateShift();
        JsonPath refused = Gateway.queryAs(suite, "admin-nanneihuan", CANCEL, "s", shift);
        assertEquals("FORBIDDEN", refused.getString("errors[0].extensions.code"), refused::prettify);
        assertEquals(List.of("cancelShift"), refused.getList("errors[0].path"));
        assertNull(refused.get("data.cancelShift"));
        assertFalse(isCancelled(shift), "the shift was changed by a refused request");
    }

    @Test
    void badTokensGet401AtTheGatewayAndAtTheSubgraphAndChangeNothing() {
        String shift = lastGateShift();
        String real = suite.token("admin-nanneihuan");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("payload changed to system-admin after signing", ForgedTokens.madeSystemAdmin(real));
        bad.put("alg none", ForgedTokens.unsigned(real));
        bad.put("another realm", suite.keycloak().token("elsewhere", "epidemic-cli", "sysadmin", "demo"));
        bad.put("another audience (a client not for this API)",
                suite.keycloak().token("epidemic", "report-viewer", "sysadmin", "demo"));
        bad.put("expired", expiredToken("sysadmin"));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (String url : List.of(suite.gatewayUrl(), suite.volunteerUrl())) {
                int status = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token.getValue())
                        .body(Map.of("query", CANCEL, "variables", Map.of("s", shift))).post(url).statusCode();
                assertEquals(401, status, token.getKey() + " at " + url);
            }
        }
        assertFalse(isCancelled(shift), "a refused token changed the shift");
    }

    @Test
    void phoneIsShownToTheCommunitysAdminOnlyAndTheRestOfTheAnswerStays() {
        String notice = Gateway.noticeId(suite, 194);
        JsonPath admin = Gateway.queryAs(suite, "admin-xijia", ON_DUTY_PHONES, "id", notice);
        assertNull(admin.get("errors"), admin::prettify);
        List<String> phones = admin.getList("data.notice.designations.areas.flatten().onDutyNow.flatten().volunteer.phone");
        assertFalse(phones.isEmpty());
        phones.forEach(phone -> assertTrue(phone != null && phone.startsWith("138"), "phone " + phone));

        JsonPath officer = Gateway.queryAs(suite, "officer", ON_DUTY_PHONES, "id", notice);
        List<String> names = officer.getList("data.notice.designations.areas.flatten().onDutyNow.flatten().volunteer.name");
        assertEquals(phones.size(), names.size(), officer::prettify);
        names.forEach(name -> assertNotNull(name, officer::prettify));
        officer.getList("data.notice.designations.areas.flatten().onDutyNow.flatten().volunteer.phone")
                .forEach(phone -> assertNull(phone, officer::prettify));
        List<Map<String, Object>> errors = officer.getList("errors");
        assertEquals(phones.size(), errors.size(), officer::prettify);
        for (Map<String, Object> error : errors) {
            assertEquals("FORBIDDEN", ((Map<?, ?>) error.get("extensions")).get("code"), officer::prettify);
            List<?> path = (List<?>) error.get("path");
            assertEquals("phone", path.get(path.size() - 1), officer::prettify);
            assertEquals("notice", path.get(0), officer::prettify);
        }
    }

    @Test
    void tokensStayValidWhileKeycloakIsDown() throws Exception {
        String token = suite.token("admin-xijia");
        // verified once while Keycloak is up, so that every service has fetched the realm's keys
        assertNull(Gateway.queryAs(suite, "admin-xijia", ON_DUTY_PHONES, "id", Gateway.noticeId(suite, 194)).get("errors"));
        KeycloakServer keycloak = suite.keycloak();
        keycloak.stop();
        try {
            JsonPath answer = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                    .body(Map.of("query", ON_DUTY_PHONES, "variables", Map.of("id", Gateway.noticeId(suite, 194))))
                    .post(suite.gatewayUrl()).then().statusCode(200).extract().jsonPath();
            assertNull(answer.get("errors"), answer::prettify);
        } finally {
            keycloak.startAgain();
        }
        // and after the restart, new tokens are issued with the same keys and accepted
        assertNull(Gateway.queryAs(suite, "admin-xijia", ON_DUTY_PHONES, "id", Gateway.noticeId(suite, 194)).get("errors"));
    }

    private String lastGateShift() {
        OffsetDateTime now = OffsetDateTime.now();
        JsonPath shifts = Gateway.queryAs(suite, "sysadmin", GATE_SHIFTS, "id", Gateway.noticeId(suite, 194),
                "from", now.toString(), "to", now.plusDays(8).toString());
        List<String> ids = shifts.getList("data.notice.designations.areas.flatten().dutyPosts.flatten()"
                + ".findAll { it.name == '书林苑北门卡口' }.shifts.flatten().id");
        assertFalse(ids.isEmpty(), shifts::prettify);
        return ids.get(ids.size() - 1);
    }

    private boolean isCancelled(String shift) {
        JsonPath answer = Gateway.queryAs(suite, "sysadmin", "query($s: ID!) { shift(id: $s) { cancelled } }", "s", shift);
        assertNull(answer.get("errors"), answer::prettify);
        return answer.getBoolean("data.shift.cancelled");
    }

    /** A real token that expired: issued while the realm's token lifespan is briefly 1 s. */
    private String expiredToken(String username) {
        suite.keycloak().updateRealm("epidemic", "{\"accessTokenLifespan\": 1}");
        String token;
        try {
            token = suite.token(username);
        } finally {
            suite.keycloak().updateRealm("epidemic", "{\"accessTokenLifespan\": 300}");
        }
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return token;
    }
}
