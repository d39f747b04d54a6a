package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @defer} over HTTP: negotiation by Accept, and the multipart/mixed framing of Apollo Router. */
@QuarkusTest
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class DeferRouteTest {
    private static final String APOLLO_ACCEPT = "multipart/mixed;deferSpec=20220824, application/json";
    private static final String QUERY = "{ topProducts(first: 1) { name ... @defer(label: \"rev\") { reviews { body } } } }";

    @Test
    void aClientAcceptingIncrementalDeliveryGetsTheDeferredFragmentInALaterPart() {
        Response response = given().contentType(ContentType.JSON).accept(APOLLO_ACCEPT)
                .body(Map.of("query", QUERY))
                .when().post("/graphql");
        assertEquals(200, response.statusCode());
        assertEquals("multipart/mixed; boundary=\"-\"; deferSpec=20220824", response.contentType());
        assertEquals("\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n"
                + "{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"}]},\"hasNext\":true}"
                + "\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n"
                + "{\"incremental\":[{\"data\":{\"reviews\":[{\"body\":\"Great 1\"},{\"body\":\"Fine 1\"}]},"
                + "\"path\":[\"topProducts\",0],\"label\":\"rev\"}],\"hasNext\":false}"
                + "\r\n-----\r\n", response.asString());
    }

    @Test
    void aClientWithoutMultipartGetsOneJsonResponseWithTheDeferredFieldsInline() {
        given().contentType(ContentType.JSON).accept("application/json")
                .body(Map.of("query", QUERY))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("data.topProducts[0].reviews[1].body", equalTo("Fine 1"))
                .body("hasNext", nullValue());
    }

    @Test
    void anOperationWithoutDeferIsAnsweredAsJsonEvenWhenMultipartIsAccepted() {
        given().contentType(ContentType.JSON).accept(APOLLO_ACCEPT)
                .body(Map.of("query", "{ topProducts(first: 1) { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("data.topProducts[0].name", equalTo("Product 1"));
    }

    @Test
    void refusalsAreJsonForAClientThatAcceptsOnlyMultipart() {
        given().contentType(ContentType.JSON).accept("multipart/mixed;deferSpec=20220824")
                .body(Map.of("query", "{ topProducts { ... @defer(label: \"a\") { name } ... @defer(label: \"a\") { upc } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void theQueryPlanOfTheFirstPartShowsTheDeferredFetches() throws Exception {
        String body = given().contentType(ContentType.JSON).accept(APOLLO_ACCEPT).header("x-query-plan", "true")
                .body(Map.of("query", QUERY))
                .when().post("/graphql").asString();
        String first = body.split("\r\n---\r\n")[1];
        Map<?, ?> part = new ObjectMapper().readValue(first.substring(first.indexOf("\r\n\r\n") + 4), Map.class);
        Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) part.get("extensions")).get("queryPlan")).get("node");
        assertEquals("Defer", node.get("kind"));
        Map<?, ?> deferred = (Map<?, ?>) ((List<?>) node.get("deferred")).get(0);
        assertEquals("rev", deferred.get("label"));
        assertEquals(List.of("topProducts", "@"), deferred.get("path"));
        assertEquals("Flatten", ((Map<?, ?>) deferred.get("node")).get("kind"));
    }
}
