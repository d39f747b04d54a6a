package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients see one API schema: both services' types and fields, none of the federation machinery. */
@ExtendWith(SuiteExtension.class)
class IntrospectionTest {
    private final RunningSuite suite;

    IntrospectionTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void introspectionShowsTheComposedApiWithoutFederationInternals() {
        JsonPath response = Gateway.query(suite,
                "{ __schema { types { name } queryType { fields { name } } directives { name } } }");
        assertNull(response.get("errors"), () -> response.prettify());
        List<String> types = response.getList("data.__schema.types.name");
        assertTrue(types.containsAll(List.of("Notice", "Area", "Designation", "Grid", "DutyPost", "Volunteer",
                "OnDuty", "PageInfo")), types.toString());
        for (String type : types) {
            assertFalse(type.startsWith("join__") || type.startsWith("link__") || type.startsWith("federation__")
                    || List.of("_Service", "_Entity", "_Any", "FieldSet", "Policy", "Scope").contains(type), type);
        }
        List<String> queries = response.getList("data.__schema.queryType.fields.name");
        assertTrue(queries.containsAll(List.of("notices", "riskLevel", "coverageGaps", "volunteer")), queries.toString());
        assertFalse(queries.contains("_service") || queries.contains("_entities"), queries.toString());
        List<String> directives = response.getList("data.__schema.directives.name");
        for (String directive : directives) {
            assertFalse(directive.startsWith("join__") || List.of("link", "key", "shareable", "external", "requires",
                    "provides", "inaccessible", "tag").contains(directive), directive);
        }
        // Area's fields of both services, as one type (a second query: graphql-java allows one __Type.fields each).
        JsonPath area = Gateway.query(suite, "{ __type(name: \"Area\") { fields { name } } }");
        assertTrue(area.getList("data.__type.fields.name").containsAll(List.of("fullName", "levelHistory",
                "responsibleGrid", "dutyPosts", "onDutyNow", "openTasks")), area.prettify());
    }
}
