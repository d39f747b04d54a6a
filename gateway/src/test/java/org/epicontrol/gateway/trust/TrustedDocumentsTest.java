package org.epicontrol.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig.TrustedDocumentsMode;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decision on each kind of request, per mode, without HTTP. */
class TrustedDocumentsTest {
    private static final String REGISTERED = "query Me { me { name } }";
    private static final String FREE = "{ me { username } }";
    private static final DocumentManifest MANIFEST = new DocumentManifest(Map.of(Manifests.sha256(REGISTERED),
            REGISTERED));

    private static GraphQLRequest byHash(String hash) {
        return new GraphQLRequest(null, null, null, Map.of("persistedQuery",
                Map.of("version", 1, "sha256Hash", hash)));
    }

    private static GraphQLRequest free(String query) {
        return new GraphQLRequest(query, null, null, null);
    }

    private static GraphQLRequest both(String query, String hash) {
        return new GraphQLRequest(query, null, null, Map.of("persistedQuery", Map.of("version", 1, "sha256Hash",
                hash)));
    }

    private static TrustDecision check(TrustedDocumentsMode mode, GraphQLRequest request, boolean signedIn) {
        return new TrustedDocuments(mode).check(request, signedIn, MANIFEST);
    }

    @ParameterizedTest
    @EnumSource(TrustedDocumentsMode.class)
    void aRegisteredHashRunsItsDocumentInEveryModeForEveryone(TrustedDocumentsMode mode) {
        for (boolean signedIn : new boolean[] {false, true}) {
            TrustDecision d = check(mode, byHash(Manifests.sha256(REGISTERED).toUpperCase(Locale.ROOT)), signedIn);
            assertFalse(d.refused(), d.message());
            assertEquals(REGISTERED, d.request().query());
        }
    }

    @ParameterizedTest
    @EnumSource(TrustedDocumentsMode.class)
    void anUnknownHashIsNotFoundInEveryMode(TrustedDocumentsMode mode) {
        TrustDecision d = check(mode, byHash(Manifests.sha256(FREE)), true);
        assertEquals("PERSISTED_QUERY_NOT_FOUND", d.code());
        assertEquals("PersistedQueryNotFound", d.message());
    }

    @ParameterizedTest
    @EnumSource(TrustedDocumentsMode.class)
    void aHashThatIsNotTheQuerysIsRefusedInEveryMode(TrustedDocumentsMode mode) {
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", check(mode, both(FREE, Manifests.sha256(REGISTERED)), true)
                .code());
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", check(mode, both(REGISTERED + " ",
                Manifests.sha256(REGISTERED)), true).code());
    }

    @Test
    void modeOffRunsAnyDocumentFromAnyone() {
        GraphQLRequest request = free(FREE);
        assertSame(request, check(TrustedDocumentsMode.OFF, request, false).request());
        assertFalse(check(TrustedDocumentsMode.OFF, both(FREE, Manifests.sha256(FREE)), false).refused());
    }

    @Test
    void modeAnonymousRefusesFreeDocumentsOnlyFromAnonymousCallers() {
        assertEquals("PERSISTED_QUERY_REQUIRED", check(TrustedDocumentsMode.ANONYMOUS, free(FREE), false).code());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", check(TrustedDocumentsMode.ANONYMOUS,
                both(FREE, Manifests.sha256(FREE)), false).code());
        assertFalse(check(TrustedDocumentsMode.ANONYMOUS, free(FREE), true).refused());
        assertFalse(check(TrustedDocumentsMode.ANONYMOUS, both(FREE, Manifests.sha256(FREE)), true).refused());
    }

    @Test
    void modeAllRefusesFreeDocumentsFromEveryone() {
        for (boolean signedIn : new boolean[] {false, true}) {
            assertEquals("PERSISTED_QUERY_REQUIRED", check(TrustedDocumentsMode.ALL, free(FREE), signedIn).code());
            assertEquals("PERSISTED_QUERY_NOT_FOUND", check(TrustedDocumentsMode.ALL,
                    both(FREE, Manifests.sha256(FREE)), signedIn).code());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrustedDocumentsMode.class, names = {"ANONYMOUS", "ALL"})
    void theRegisteredTextItselfRunsWithOrWithoutItsHash(TrustedDocumentsMode mode) {
        assertFalse(check(mode, free(REGISTERED), false).refused());
        assertFalse(check(mode, both(REGISTERED, Manifests.sha256(REGISTERED)), false).refused());
        // one character more is another document
        assertEquals("PERSISTED_QUERY_REQUIRED", check(mode, free(REGISTERED + " "), false).code());
    }

    @Test
    void malformedPersistedQueryExtensionsAreRefused() {
        String hash = Manifests.sha256(REGISTERED);
        Map<String, Object> noVersion = new HashMap<>();
        noVersion.put("sha256Hash", hash);
        for (Object extension : new Object[] {"x", Map.of("version", 2, "sha256Hash", hash),
                Map.of("version", 1.5, "sha256Hash", hash), noVersion, Map.of("version", 1),
                Map.of("version", 1, "sha256Hash", hash.substring(1)), Map.of("version", 1, "sha256Hash", 42)}) {
            GraphQLRequest request = new GraphQLRequest(null, null, null, Map.of("persistedQuery", extension));
            assertEquals("PERSISTED_QUERY_INVALID", check(TrustedDocumentsMode.OFF, request, true).code(),
                    String.valueOf(extension));
        }
    }

    @Test
    void aRequestWithoutQueryOrHashIsLeftToTheProcessorsOwnError() {
        TrustDecision d = check(TrustedDocumentsMode.ALL, free(null), false);
        assertFalse(d.refused());
        assertNull(d.request().query());
    }

    @Test
    void variablesOperationNameAndExtensionsTravelWithTheRegisteredDocument() {
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash",
                Manifests.sha256(REGISTERED)), "queryPlan", true);
        GraphQLRequest request = new GraphQLRequest(null, "Me", Map.of("n", 1), extensions);
        GraphQLRequest resolved = check(TrustedDocumentsMode.ALL, request, false).request();
        assertEquals(new GraphQLRequest(REGISTERED, "Me", Map.of("n", 1), extensions), resolved);
    }
}
