package org.epicontrol.gateway.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
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
import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.gateway.trust.Manifests;
import org.epicontrol.gateway.trust.OidcProfiles;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Persisted operations over GET with HTTP caching, against real HTTP subgraphs: {@code topProducts} public for 20 s,
 * {@code product} for 600 s under a 45 s cap, {@code me} not public; trusted documents in mode {@code anonymous}.
 */
@QuarkusTest
@TestProfile(CacheableGetTest.PublicTopProducts.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class CacheableGetTest {
    static final String TOP = "query Top($n: Int) { topProducts(first: $n) { name } }";
    static final String PRODUCT = "query Product { product(upc: \"p1\") { name } }";
    static final String ME = "query Me { me { name } }";
    static final String TOP_AND_ME = "query TopAndMe { topProducts(first: 1) { name } me { name } }";
    static final String MUTATION = "mutation Rename { rename(name: \"x\") { name } }";

    public static class PublicTopProducts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfiles.withTokens(Map.of(
                    "gateway.trusted-documents.mode", "anonymous",
                    "gateway.trusted-documents.manifest-file",
                    Manifests.file(Manifests.codegen(TOP, PRODUCT, ME, TOP_AND_ME, MUTATION)),
                    "gateway.cache-control.max-age", "45s",
                    "gateway.cache-control.public-fields.topProducts", "20s",
                    "gateway.cache-control.public-fields.product", "600s"));
        }
    }

    private static RequestSpecification persisted(RequestSpecification spec, String document, String variables) {
        spec = spec.queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                + Manifests.sha256(document) + "\"}}");
        return variables == null ? spec : spec.queryParam("variables", variables);
    }

    private static ValidatableResponse get(RequestSpecification spec) {
        return spec.when().get("/graphql").then();
    }

    @Test
    void aRegisteredPublicOperationOverGetIsPublicForItsFieldsMaxAge() {
        get(persisted(given(), TOP, "{\"n\":2}")).statusCode(200)
                .header("cache-control", "public, max-age=20")
                .header("vary", "Accept, Authorization")
                .header("etag", matchesPattern("\"[0-9a-f]{32}\""))
                .body("data.topProducts.size()", equalTo(2)).body("errors", nullValue());
    }

    @Test
    void theMaxAgeNeverExceedsTheConfiguredCap() {
        get(persisted(given(), PRODUCT, null)).statusCode(200).header("cache-control", "public, max-age=45")
                .body("data.product.name", equalTo("Product 1"));
    }

    @Test
    void anOperationTouchingAFieldThatIsNotPublicIsNotStored() {
        get(persisted(given(), ME, null)).statusCode(200).header("cache-control", "no-store")
                .body("data.me.name", equalTo("Ada Lovelace"));
        get(persisted(given(), TOP_AND_ME, null)).statusCode(200).header("cache-control", "no-store");
    }

    @Test
    void aSignedInCallersAnswerIsPrivate() {
        String token = TestTokens.user("alice").roles("notice-editor").sign();
        get(persisted(given().header("Authorization", "Bearer " + token), TOP, "{\"n\":1}")).statusCode(200)
                .header("cache-control", "private, no-store").body("data.topProducts.size()", equalTo(1));
    }

    @Test
    void anUnknownHashGetsTheTrustedDocumentsErrorAndIsNotStored() {
        get(persisted(given(), "query Other { topProducts { upc } }", null)).statusCode(200)
                .header("cache-control", "no-store").header("etag", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void aFreeDocumentFromAnAnonymousCallerIsRefusedOverGet() {
        get(given().queryParam("query", "{ topProducts { upc } }")).statusCode(200)
                .header("cache-control", "no-store")
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_REQUIRED"));
    }

    @Test
    void aMutationOverGetIsRefusedWith405() {
        get(persisted(given().accept("application/graphql-response+json"), MUTATION, null)).statusCode(405)
                .header("allow", "POST").header("cache-control", "no-store")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304WithoutABody() {
        String etag = get(persisted(given(), TOP, "{\"n\":3}")).statusCode(200).extract().header("etag");
        String body = get(persisted(given().header("If-None-Match", "W/\"other\", " + etag), TOP, "{\"n\":3}"))
                .statusCode(304).header("etag", etag).header("cache-control", "public, max-age=20")
                .extract().asString();
        assertEquals("", body);
        // another answer (other variables) has another tag
        get(persisted(given().header("If-None-Match", etag), TOP, "{\"n\":1}")).statusCode(200)
                .header("etag", not(equalTo(etag)));
    }

    @Test
    void postAnswersCarryNoCachingHeaders() {
        given().contentType(ContentType.JSON).body(Map.of("query", TOP)).when().post("/graphql").then()
                .statusCode(200).header("cache-control", nullValue()).header("etag", nullValue());
    }
}
