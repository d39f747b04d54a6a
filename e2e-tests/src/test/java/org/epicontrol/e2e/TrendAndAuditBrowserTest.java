package org.epicontrol.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's risk over time, audit trail and the names of a notice's four eyes, in real Chromium against the
 * running suite (scenarios {@code web/browser-tests/risk-trend.mjs}, {@code audit-trail.mjs},
 * {@code notice-four-eyes.mjs}; screenshots in {@code target/browser-screenshots/}). Read only: no demo data changes.
 */
@ExtendWith(SuiteExtension.class)
class TrendAndAuditBrowserTest {
    private final RunningSuite suite;

    TrendAndAuditBrowserTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void anyoneSeesHighAndLowRiskAreasPerDistrictOverTheLast30DaysAsChartsAndTablesAlsoOnAPhone() throws Exception {
        assertPassed(BrowserScenario.run(suite, "risk-trend.mjs"), "risk-trend");
    }

    @Test
    void aCommunityAdminReadsTheAuditTrailOfTheirCommunityAndFiltersItByActor() throws Exception {
        assertPassed(BrowserScenario.run(suite, "audit-trail.mjs"), "audit-trail");
    }

    @Test
    void aPublisherSeesWhoDraftedAndWhoPublishedADemoNotice() throws Exception {
        String id = Gateway.noticeId(suite, 194);
        assertNotNull(id, "demo notice 194 is not listed");
        assertPassed(BrowserScenario.run(suite, "notice-four-eyes.mjs", "NOTICE_ID", id), "notice-four-eyes");
    }

    private static void assertPassed(BrowserScenario.Outcome outcome, String scenario) {
        assertEquals(0, outcome.exitCode(), outcome::output);
        assertTrue(outcome.output().contains(scenario + ": passed"), outcome::output);
    }
}
