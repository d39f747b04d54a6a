package org.epicontrol.gateway.compose;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway configured with subgraph URLs only: it composes at start-up and recomposes when an SDL changes. */
@QuarkusTest
@QuarkusTestResource(value = ShopSubgraphsByUrlResource.class, restrictToAnnotatedClass = true)
class ComposedSupergraphTest {
    private static final String CROSS = "{ topProducts(first: 2) { name reviews { author { name } } } }";

    @BeforeEach
    void awaitFirstComposition() throws InterruptedException {
        // Composition runs right after start-up, off the start-up thread: readiness says when it is done.
        assertTrue(eventually(() -> given().get("/q/health/ready").statusCode() == 200), "no supergraph composed");
    }

    @Test
    void composesTheSupergraphFromTheSubgraphsAtStartUp() {
        given().contentType(ContentType.JSON).body(Map.of("query", CROSS))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.topProducts[1].reviews[0].author.name", equalTo("Ada Lovelace"))
                .body("errors", nullValue());
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'supergraph' }.data.subgraphs", equalTo(4));
    }

    @Test
    void subgraphChangeThatDoesNotComposeKeepsTheSupergraphInServiceAndSaysWhy() throws Exception {
        try {
            // accounts now also resolves Review.body, which reviews does not share.
            serve("accounts", ShopSubgraphs.FEDERATION_2_SDL.get("accounts")
                    + "type Review @key(fields: \"id\") { id: ID! body: String! }\n");
            assertTrue(eventually(() -> String.valueOf(lastError()).contains("INVALID_FIELD_SHARING: "
                    + "Non-shareable field \"Review.body\" is resolved from multiple subgraphs: it is resolved from "
                    + "subgraphs \"accounts\" and \"reviews\"")), "composition error not reported: " + lastError());
            given().contentType(ContentType.JSON).body(Map.of("query", CROSS))
                    .when().post("/graphql")
                    .then().statusCode(200)
                    .body("data.topProducts[0].name", equalTo("Product 1"));
        } finally {
            serve("accounts", ShopSubgraphs.FEDERATION_2_SDL.get("accounts"));
        }
        assertTrue(eventually(() -> lastError() == null), "recomposition did not clear the error: " + lastError());
    }

    @Test
    void subgraphChangeThatComposesIsSwappedIn() throws Exception {
        String query = "{ productCount }";
        try {
            serve("products", ShopSubgraphs.FEDERATION_2_SDL.get("products")
                    .replace("type Query {", "type Query { productCount: Int"));
            // Once planned, the field reaches products (whose running schema lacks it, hence its error).
            assertTrue(eventually(() -> "products".equals(post(query).jsonPath()
                    .getString("errors[0].extensions.serviceName"))), "new supergraph not composed");
        } finally {
            serve("products", ShopSubgraphs.FEDERATION_2_SDL.get("products"));
        }
        assertTrue(eventually(() -> "GRAPHQL_VALIDATION_FAILED".equals(post(query).jsonPath()
                .getString("errors[0].extensions.code"))), "original supergraph not restored");
    }

    @Test
    void compositionHintsOfTheSupergraphInServiceAreInTheReadinessCheck() throws Exception {
        try {
            serve("accounts", ShopSubgraphs.FEDERATION_2_SDL.get("accounts") + "enum Unused { X }\n");
            assertTrue(eventually(() -> String.valueOf(compositionHints()).contains("UNUSED_ENUM_TYPE: Enum type "
                    + "\"Unused\" is defined but unused.")), "hint not reported: " + compositionHints());
        } finally {
            serve("accounts", ShopSubgraphs.FEDERATION_2_SDL.get("accounts"));
        }
        assertTrue(eventually(() -> !String.valueOf(compositionHints()).contains("Unused")),
                "recomposition did not replace the hints: " + compositionHints());
    }

    /** Makes the subgraph answer {@code _service { sdl }} with another SDL. */
    private static void serve(String subgraph, String sdl) {
        // Looked up, not injected: the app's other test classes run without these settings.
        String url = ConfigProvider.getConfig().getValue("test.subgraph." + subgraph, String.class);
        given().body(sdl).when().put(url).then().statusCode(204);
    }

    private static Response post(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql");
    }

    private static String lastError() {
        return given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'supergraph' }.data.lastError");
    }

    private static String compositionHints() {
        return given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'supergraph' }.data.compositionHints");
    }

    private static boolean eventually(BooleanSupplier check) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (check.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
