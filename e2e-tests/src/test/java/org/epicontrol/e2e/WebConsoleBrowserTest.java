package org.epicontrol.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in real Chromium against the running suite: demo users sign in on Keycloak's own login page, go
 * through the console's screens, and axe-core finds no serious or critical accessibility violation on them. The
 * scenarios are {@code web/browser-tests/*.mjs}; each saves screenshots to {@code target/browser-screenshots/}.
 */
@ExtendWith(SuiteExtension.class)
class WebConsoleBrowserTest {
    private final RunningSuite suite;

    WebConsoleBrowserTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void anOfficerLooksUpAnAddressAndTheHighRiskAreasOfADistrictAlsoOnAPhoneInEnglish() throws Exception {
        BrowserScenario.Outcome outcome = BrowserScenario.run(suite, "address-lookup.mjs");
        assertEquals(0, outcome.exitCode(), outcome::output);
        assertTrue(outcome.output().contains("address-lookup: passed"), outcome::output);
    }

    @Test
    void anEditorImportsADraftAndAnotherUserPublishesItAfterSigningOutAndIn() throws Exception {
        BrowserScenario.Outcome outcome = BrowserScenario.run(suite, "import-publish.mjs", "NOTICE_NUMBER", "1401");
        assertEquals(0, outcome.exitCode(), outcome::output);
        assertTrue(outcome.output().contains("import-publish: passed"), outcome::output);
        // what the browser did is in the suite: the notice is published, by another user than its importer
        String id = Gateway.noticeId(suite, 1401);
        var trail = Gateway.queryAs(suite, "sysadmin",
                "query($id: ID) { noticeAuditTrail(targetType: \"Notice\", targetId: $id, first: 10) { edges { node { action actor } } } }",
                "id", id);
        assertEquals("publisher", trail.getString("data.noticeAuditTrail.edges.find { it.node.action == 'PUBLISH' }.node.actor"),
                trail::prettify);
        assertEquals("editor", trail.getString("data.noticeAuditTrail.edges.find { it.node.action == 'IMPORT' }.node.actor"),
                trail::prettify);
    }
}
