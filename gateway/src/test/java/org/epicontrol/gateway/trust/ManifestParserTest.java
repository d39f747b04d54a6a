package org.epicontrol.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private static final String ME = "query Me { me { name } }";
    private static final String TOP = "query Top { topProducts(first: 2) { name } }";

    private final ManifestParser parser = new ManifestParser(new ObjectMapper());

    private DocumentManifest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsApolloPersistedQueryManifest() {
        DocumentManifest manifest = parse(Manifests.apollo(ME, TOP));
        assertEquals(2, manifest.size());
        assertEquals(ME, manifest.body(Manifests.sha256(ME)));
        assertEquals(TOP, manifest.body(Manifests.sha256(TOP)));
    }

    @Test
    void readsCodegenPersistedDocumentsMap() {
        DocumentManifest manifest = parse(Manifests.codegen(ME, TOP));
        assertEquals(2, manifest.size());
        assertEquals(TOP, manifest.body(Manifests.sha256(TOP)));
    }

    @Test
    void emptyMapIsAnEmptyManifest() {
        assertEquals(0, parse("{}").size());
    }

    @Test
    void upperCaseIdsAreTheSameHash() {
        String json = "{\"" + Manifests.sha256(ME).toUpperCase(Locale.ROOT) + "\": \"" + ME + "\"}";
        assertTrue(parse(json).registered(Manifests.sha256(ME)));
    }

    @Test
    void idsWithTheGraphqlOverHttpAlgorithmPrefixAreRead() {
        String json = "{\"sha256:" + Manifests.sha256(ME) + "\": \"" + ME + "\"}";
        assertEquals(ME, parse(json).body(Manifests.sha256(ME)));
    }

    @Test
    void anIdThatIsNotItsBodysHashRefusesTheWholeManifestInEitherFormat() {
        String good = Manifests.sha256(ME);
        String codegen = Manifests.codegen(ME, TOP).replace(Manifests.sha256(TOP), good);
        ManifestException e = assertThrows(ManifestException.class, () -> parse(codegen));
        assertTrue(e.getMessage().contains("not the SHA-256"), e.getMessage());

        String apollo = Manifests.apollo(ME, TOP).replace(Manifests.sha256(TOP), good);
        e = assertThrows(ManifestException.class, () -> parse(apollo));
        assertTrue(e.getMessage().contains("operations[1] (Op1)"), e.getMessage());
    }

    @Test
    void idsOfAnotherHashAlgorithmAreRefusedAsSuch() {
        // codegen's default is sha1: 40 hex digits
        ManifestException e = assertThrows(ManifestException.class,
                () -> parse("{\"da39a3ee5e6b4b0d3255bfef95601890afd80709\": \"" + ME + "\"}"));
        assertTrue(e.getMessage().contains("not a SHA-256 hash"), e.getMessage());
    }

    @Test
    void malformedManifestsAreRefused() {
        for (String json : new String[] {"not json", "[]", "{\"format\": \"relay\"}",
                "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 2, \"operations\": []}",
                "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1}",
                "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"x\"}]}",
                "{\"" + Manifests.sha256(ME) + "\": 42}"}) {
            assertThrows(ManifestException.class, () -> parse(json), json);
        }
    }

    @Test
    void manyProblemsAreCountedNotAllNamed() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("\"").append("0".repeat(63)).append(Integer.toHexString(i % 16))
                    .append(i / 16).append("\": \"{ me { name } }\"");
        }
        ManifestException e = assertThrows(ManifestException.class, () -> parse(json.append("}").toString()));
        assertTrue(e.getMessage().startsWith("20 problem(s)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("and 15 more"), e.getMessage());
        assertFalse(e.getMessage().length() > 2000);
    }
}
