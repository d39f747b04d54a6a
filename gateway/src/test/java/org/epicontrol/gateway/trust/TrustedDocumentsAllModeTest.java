package org.epicontrol.gateway.trust;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Mode {@code all}: registered operations only, for everyone; manifest in GraphQL Code Generator's format. */
@QuarkusTest
@TestProfile(TrustedDocumentsAllModeTest.AllMode.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class TrustedDocumentsAllModeTest {
    static final String ME = "query Me { me { name } }";
    static final String TOP = "query Top($n: Int) { topProducts(first: $n) { name } }";
    static final String FREE = "{ me { username } }";

    public static class AllMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfiles.withTokens(Map.of("gateway.trusted-documents.mode", "all",
                    "gateway.trusted-documents.manifest-file", Manifests.file(Manifests.codegen(ME, TOP))));
        }
    }

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    static Map<String, Object> persisted(String document) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Manifests.sha256(document)));
    }

    static ValidatableResponse post(RequestSpecification spec, Map<String, Object> body) {
        return spec.contentType(ContentType.JSON).body(body).post("/graphql").then();
    }

    private int subgraphRequests() {
        return given().get(accountsUrl).then().extract().path("requests");
    }

    @Test
    void theHashOfARegisteredOperationRunsIt() {
        post(given(), Map.of("extensions", persisted(ME))).statusCode(200)
                .body("data.me.name", equalTo("Ada Lovelace")).body("errors", nullValue());
        post(given(), Map.of("extensions", persisted(TOP), "variables", Map.of("n", 1))).statusCode(200)
                .body("data.topProducts[0].name", equalTo("Product 1"));
    }

    @Test
    void getCarriesTheHashInTheExtensionsParameter() {
        given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                        + Manifests.sha256(ME) + "\"}}")
                .get("/graphql").then().statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void anUnknownHashIsNotFoundAndReachesNoSubgraph() {
        int before = subgraphRequests();
        post(given(), Map.of("extensions", persisted(FREE))).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));
        post(given().accept("application/graphql-response+json"), Map.of("extensions", persisted(FREE)))
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        assertEquals(before, subgraphRequests());
    }

    @Test
    void freeDocumentsAreRefusedFromAnonymousAndSignedInCallersBeforeParsing() {
        int before = subgraphRequests();
        String token = TestTokens.user("alice").roles("system-admin").sign();
        for (RequestSpecification caller : new RequestSpecification[] {given(),
                given().header("Authorization", "Bearer " + token)}) {
            post(caller, Map.of("query", FREE)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_REQUIRED"));
        }
        // not even parsed: a syntax error is not what the caller learns
        post(given(), Map.of("query", "{ me { ")).body("errors[0].extensions.code",
                equalTo("PERSISTED_QUERY_REQUIRED"));
        given().queryParam("query", FREE).get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_REQUIRED"));
        assertEquals(before, subgraphRequests());
    }

    @Test
    void theRegisteredTextRunsAlsoWithoutItsHash() {
        post(given(), Map.of("query", ME)).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void aHashAndAQueryMustAgreeAndTheQueryMustBeRegistered() {
        Map<String, Object> mismatch = new HashMap<>();
        mismatch.put("query", FREE);
        mismatch.put("extensions", persisted(ME));
        post(given(), mismatch).statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
        post(given(), Map.of("query", FREE, "extensions", persisted(FREE))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        post(given(), Map.of("query", ME, "extensions", persisted(ME))).statusCode(200)
                .body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void refusalsAreCountedByCodeAndCaller() {
        post(given(), Map.of("extensions", persisted(FREE)));
        post(given(), Map.of("query", FREE));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_refused_total{caller=\"anonymous\",code=\"PERSISTED_QUERY_NOT_FOUND\"}"))
                .body(containsString("gateway_requests_refused_total{caller=\"anonymous\",code=\"PERSISTED_QUERY_REQUIRED\"}"));
    }
}
