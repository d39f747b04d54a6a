package org.epicontrol.gateway.trust;

import static io.restassured.RestAssured.given;
import static org.epicontrol.gateway.trust.TrustedDocumentsAllModeTest.FREE;
import static org.epicontrol.gateway.trust.TrustedDocumentsAllModeTest.ME;
import static org.epicontrol.gateway.trust.TrustedDocumentsAllModeTest.persisted;
import static org.epicontrol.gateway.trust.TrustedDocumentsAllModeTest.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Mode {@code anonymous}: free documents from signed-in callers only; manifest in Apollo's format. */
@QuarkusTest
@TestProfile(TrustedDocumentsAnonymousModeTest.AnonymousMode.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class TrustedDocumentsAnonymousModeTest {

    public static class AnonymousMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfiles.withTokens(Map.of("gateway.trusted-documents.mode", "anonymous",
                    "gateway.trusted-documents.manifest-file", Manifests.file(Manifests.apollo(ME))));
        }
    }

    @Test
    void aFreeDocumentFromAnAnonymousCallerIsRefused() {
        post(given(), Map.of("query", FREE)).statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_REQUIRED"));
        post(given().accept("application/graphql-response+json"), Map.of("query", FREE)).statusCode(400);
    }

    @Test
    void aFreeDocumentFromASignedInCallerRuns() {
        String token = TestTokens.user("alice").roles("notice-editor").sign();
        post(given().header("Authorization", "Bearer " + token), Map.of("query", FREE)).statusCode(200)
                .body("data.me.username", equalTo("ada")).body("errors", nullValue());
    }

    @Test
    void aRegisteredOperationFromAnAnonymousCallerRuns() {
        post(given(), Map.of("extensions", persisted(ME))).statusCode(200)
                .body("data.me.name", equalTo("Ada Lovelace")).body("errors", nullValue());
        post(given(), Map.of("query", ME)).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void anUnknownHashIsNotFoundEvenForSignedInCallers() {
        String token = TestTokens.user("alice").roles("notice-editor").sign();
        post(given().header("Authorization", "Bearer " + token), Map.of("extensions", persisted(FREE)))
                .statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }
}
