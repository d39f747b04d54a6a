package org.epicontrol.notice.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class MetricsTest {

    @Test
    void prometheusMetricsTimeHttpRequestsAndGraphQLOperations() {
        GRAPHQL.data("{ riskLevels { code } }");
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("mp_graphql_seconds_count{name=\"riskLevels\""));
    }
}
