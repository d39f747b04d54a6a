package org.epicontrol.notice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.epicontrol.testsupport.PackagedServiceResource;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The packaged notice-service (the jar, or the native executable under -Pnative), production profile, on the
 * embedded PostgreSQL: it starts, migrates, reports healthy, checks tokens, and answers a read and a write.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedServiceResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "notices"))
class PackagedNoticeServiceIT {

    private static final String RISK = """
            query($a: String!, $d: Date) { riskLevel(address: $a, asOf: $d) { designated level { code } notice { number } } }""";

    @Test
    void isLiveAndReadyWithItsDatabase() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migratedItsSchemaAndAnswersAnonymousReads() {
        GRAPHQL.post(RISK, Map.of("a", "从未指定的小区", "d", "2023-01-11"))
                .body("errors", nullValue())
                .body("data.riskLevel.designated", equalTo(false));
    }

    @Test
    void aPublishedNoticeIsWhatResidentsThenRead() {
        String id = Notices.createDraft(Staff.editor(), "打包测试指挥部", 9101, "2023-01-10", "打包花园1号楼");
        Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
        GRAPHQL.post(RISK, Map.of("a", "打包花园1号楼", "d", "2023-01-11"))
                .body("errors", nullValue())
                .body("data.riskLevel.level.code", equalTo("LOW"))
                .body("data.riskLevel.notice.number", equalTo(9101));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = TestTokens.tampered(Staff.token(Staff.EDITOR).sign());
        RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void exposesItsMetricsForPrometheus() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("# TYPE "));
    }
}
