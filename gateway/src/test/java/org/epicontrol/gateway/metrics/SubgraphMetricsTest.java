package org.epicontrol.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.junit.jupiter.api.Test;

/** Prometheus metrics of the gateway: its HTTP requests and each subgraph fetch by name and outcome. */
@QuarkusTest
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class SubgraphMetricsTest {

    @Test
    void everySubgraphFetchIsTimedBySubgraphAndOutcome() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ topProducts(first: 2) { name reviews { author { name } } } }"))
                .post("/graphql").then().statusCode(200).body("errors", nullValue());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_subgraph_fetch_seconds_count{outcome=\"ok\",subgraph=\"products\"}"))
                .body(containsString("gateway_subgraph_fetch_seconds_count{outcome=\"ok\",subgraph=\"reviews\"}"))
                .body(containsString("gateway_subgraph_fetch_seconds_bucket{outcome=\"ok\",subgraph=\"accounts\""))
                .body(containsString("http_server_requests_seconds_count"));
    }
}
