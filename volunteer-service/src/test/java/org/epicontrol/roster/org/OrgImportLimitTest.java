package org.epicontrol.roster.org;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.epicontrol.roster.org.OrgFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(OrgImportLimitTest.ThreeRows.class)
class OrgImportLimitTest {

    public static class ThreeRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("roster.importing.max-rows", "3");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedOutright() {
        String csv = OrgImportTest.district(unique("小店区"), 1, 1, 1, 4);
        long before = count(pool, "org_unit");

        OrgImportTest.post(csv, false)
                .body("data.importOrganisation", nullValue())
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ROWS"));

        assertEquals(before, count(pool, "org_unit"));
    }

    @Test
    void aFileAtTheLimitIsImported() {
        String csv = OrgImportTest.district(unique("小店区"), 1, 1, 1, 3) + "\n\n";
        assertTrue(OrgImportTest.importCsv(csv, false).getBoolean("stored"));
    }
}
