package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher;
import org.epicontrol.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notice-service marks importNotice with {@code @policy(policies: [["notice:import"]])}; the gateway asks the
 * suite's real Keycloak (Authorization Services of client gateway, realm k8s/keycloak/realm-epidemic.json) whether a
 * caller's token holds that permission, before planning. An operator changes the role policy behind it in Keycloak,
 * and the next sign-in is decided by the new policy without any deployment.
 */
@ExtendWith(SuiteExtension.class)
class PolicyAtTheGatewayTest {
    private static final String IMPORT = """
            mutation($t: String!, $y: Int) { __typename importNotice(text: $t, year: $y) { notice { id status } } }""";
    private static final String IMPORTERS = "notice importers";

    private final RunningSuite suite;

    PolicyAtTheGatewayTest(RunningSuite suite) {
        this.suite = suite;
    }

    private static Object[] notice(int number) {
        LocalDate today = LocalDate.now(TestNotices.CITY);
        String text = TestResources.read(TestNotices.HIGH).replace("{number}", String.valueOf(number))
                .replace("{month}", String.valueOf(today.getMonthValue()))
                .replace("{day}", String.valueOf(today.getDayOfMonth()))
                .replace("{count}", "1").replace("{areas}", "书林苑");
        return new Object[] {"t", text, "y", today.getYear()};
    }

    @Test
    void anImportRefusedByTheKeycloakPolicyIsAllowedOnceTheOperatorGrantsItAgain() {
        KeycloakPolicies policies = new KeycloakPolicies(suite.keycloak(), SuiteLauncher.Suite.REALM, "gateway");
        List<String> importers = policies.roles(IMPORTERS);
        assertTrue(importers.contains("notice-editor"), importers.toString());
        try {
            // The operator takes importing away from notice-editor in Keycloak (the admin console's Authorization tab).
            policies.setRoles(IMPORTERS, importers.stream().filter(r -> !r.equals("notice-editor")).toList());
            suite.resetCounts();
            JsonPath refused = Gateway.queryAs(suite, "editor", IMPORT, notice(9151));
            assertEquals("UNAUTHORIZED_FIELD_OR_TYPE", refused.getString("errors[0].extensions.code"),
                    refused::prettify);
            assertEquals(List.of("importNotice"), refused.getList("errors[0].path"), refused::prettify);
            assertEquals(1, refused.getList("errors").size(), refused::prettify);
            // the rest of the operation is answered; nothing reached notice-service
            assertEquals("Mutation", refused.getString("data.__typename"), refused::prettify);
            assertFalse(refused.getMap("data").containsKey("importNotice"), refused::prettify);
            assertEquals(0, suite.proxy("notices").requests());

            // ... and gives it back: the next sign-in imports.
            policies.setRoles(IMPORTERS, importers);
            JsonPath allowed = Gateway.queryAs(suite, "editor", IMPORT, notice(9151));
            assertNull(allowed.get("errors"), allowed::prettify);
            assertEquals("DRAFT", allowed.getString("data.importNotice.notice.status"), allowed::prettify);
        } finally {
            policies.setRoles(IMPORTERS, importers);
        }
    }

    @Test
    void publishersPassTheGateAndOthersAreRefusedThereWithTheRestAnswered() {
        String publish = "mutation($id: ID!) { publishNotice(id: $id) { id } }";
        JsonPath byOfficer = Gateway.queryAs(suite, "officer", "query { notices(first: 1) { edges { node { id } } } }");
        assertNull(byOfficer.get("errors"), byOfficer::prettify);
        JsonPath refused = Gateway.queryAs(suite, "officer", publish, "id", "0");
        assertEquals("UNAUTHORIZED_FIELD_OR_TYPE", refused.getString("errors[0].extensions.code"), refused::prettify);
        assertEquals(List.of("publishNotice"), refused.getList("errors[0].path"), refused::prettify);
        assertNull(refused.get("data"), refused::prettify);
        // a publisher passes the gate: notice-service itself answers (no such draft)
        JsonPath passed = Gateway.queryAs(suite, "publisher", publish, "id", "0");
        List<Map<String, Object>> errors = passed.getList("errors");
        assertTrue(errors == null || errors.stream().noneMatch(e -> String.valueOf(e.get("extensions"))
                .contains("UNAUTHORIZED_FIELD_OR_TYPE")), passed::prettify);
    }

    @Test
    void withKeycloakDownTheGuardedFieldIsRefusedWithItsOwnCodeAndTheRestAnswered() throws Exception {
        String token = suite.token("chief"); // never decided yet: nothing cached for it
        KeycloakServer keycloak = suite.keycloak();
        keycloak.stop();
        try {
            JsonPath answer = Gateway.queryWithToken(suite, token, IMPORT, notice(9152));
            assertEquals("POLICY_DECISION_UNAVAILABLE", answer.getString("errors[0].extensions.code"),
                    answer::prettify);
            assertEquals(List.of("importNotice"), answer.getList("errors[0].path"), answer::prettify);
            assertEquals("Mutation", answer.getString("data.__typename"), answer::prettify);
        } finally {
            keycloak.startAgain();
        }
    }
}
