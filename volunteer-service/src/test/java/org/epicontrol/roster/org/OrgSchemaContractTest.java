package org.epicontrol.roster.org;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** The parts of the schema other services and the gateway rely on. */
@QuarkusTest
class OrgSchemaContractTest {

    @Test
    void theImportResponsibilitiesTasksAndWishesHaveTheirAgreedShape() {
        String schema = RestAssured.get("/graphql/schema.graphql").then().statusCode(200).extract().asString()
                .replaceAll("\\s*\"[^\"\\n]*\"\\n", "\n");
        assertThat(schema, matchesPattern("(?s).*importOrganisation\\(\\s*csv: String!,\\s*dryRun: Boolean = false\\s*\\): OrgImportReport.*"));
        assertThat(schema, matchesPattern("(?s).*type Grid [^}]*responsibleWorkers: \\[Volunteer!]!.*"));
        assertThat(schema, matchesPattern("(?s).*type OrgUnit [^}]*responsibleWorkers: \\[Volunteer!]!.*"));
        assertThat(schema, matchesPattern("(?s).*assignResponsibility\\([^)]*role: String = \"GRID_WORKER\".*"));
        assertThat(schema, containsString("type RejectedRow {"));
        assertThat(schema, matchesPattern("(?s).*type Task \\{[^}]*unit: OrgUnit!.*"));
        assertThat(schema, matchesPattern("(?s).*type Wish \\{[^}]*community: Community!.*"));
    }
}
