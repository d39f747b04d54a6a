package org.epicontrol.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's registered RiskLookup over GET through the real gateway, as a CDN in front of it sees it: public with
 * a max-age of at most 30 s before a publication; after the publication a cache revalidating its copy (If-None-Match)
 * gets the new level and a new tag, and 304 while nothing changes; signed-in answers private; a mutation over GET 405.
 */
@ExtendWith(SuiteExtension.class)
class CacheableRiskReadsTest {
    private static final String COMPOUND = "缓存校验花园小区";
    private static final String ADDRESS = "小店区" + COMPOUND + "3号楼2单元";
    /** Exact-shaped header: the gateway writes it, no untrusted text meets this pattern. */
    private static final Pattern PUBLIC = Pattern.compile("public, max-age=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningSuite suite;

    CacheableRiskReadsTest(RunningSuite suite) {
        this.suite = suite;
    }

    /** The id of the console's registered operation named {@code name} (the manifest the suite's gateway reads). */
    private static String hashOf(String name) throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        JsonNode manifest = JSON.readTree(Files.readString(root.resolve("web/target/persisted-documents.json")));
        for (var it = manifest.fields(); it.hasNext(); ) {
            var e = it.next();
            String text = e.getValue().asText();
            if (text.startsWith("query " + name + "(") || text.startsWith("query " + name + " ")
                    || text.startsWith("mutation " + name + "(") || text.startsWith("mutation " + name + " ")) {
                return e.getKey().replaceFirst("^sha256:", "");
            }
        }
        throw new AssertionError("the console's manifest has no operation " + name);
    }

    private Response get(RequestSpecification spec, String hash, String variables) {
        return spec.queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .queryParam("variables", variables)
                .when().get(suite.gatewayUrl());
    }

    @Test
    void aPublicationReachesACacheThatRevalidatesAfterMaxAge() throws Exception {
        String lookup = hashOf("RiskLookup");
        String variables = JSON.writeValueAsString(Map.of("address", ADDRESS));

        Response before = get(given(), lookup, variables);
        assertEquals(200, before.statusCode(), before.asString());
        Matcher cacheControl = PUBLIC.matcher(String.valueOf(before.header("cache-control")));
        assertTrue(cacheControl.matches(), before.headers().toString());
        assertTrue(Integer.parseInt(cacheControl.group(1)) <= 30, before.header("cache-control"));
        assertEquals("Accept, Authorization", before.header("vary"));
        String oldTag = before.header("etag");
        assertNotNull(oldTag);
        assertFalse(before.jsonPath().getBoolean("data.riskLevel.designated"), before.asString());

        TestNotices.publish(suite, TestNotices.HIGH, 9701, List.of(COMPOUND));

        // max-age later, a cache asks again with its tag: the answer has changed, so 200 with the new level
        Response after = get(given().header("If-None-Match", oldTag), lookup, variables);
        assertEquals(200, after.statusCode(), after.asString());
        assertTrue(after.jsonPath().getBoolean("data.riskLevel.designated"), after.asString());
        String newTag = after.header("etag");
        assertNotEquals(oldTag, newTag);
        // and while nothing changes, 304 without a body
        Response unchanged = get(given().header("If-None-Match", newTag), lookup, variables);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.asString());
        assertTrue(PUBLIC.matcher(String.valueOf(unchanged.header("cache-control"))).matches());
    }

    @Test
    void signedInAnswersArePrivateAndMutationsOverGetAreRefused() throws Exception {
        String variables = JSON.writeValueAsString(Map.of("address", ADDRESS));
        Response signedIn = get(given().header("Authorization", "Bearer " + suite.token("officer")),
                hashOf("RiskLookup"), variables);
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
        assertEquals("private, no-store", signedIn.header("cache-control"));

        Response mutation = get(given().accept("application/graphql-response+json")
                .header("Authorization", "Bearer " + suite.token("publisher")), hashOf("PublishNotice"),
                "{\"id\":\"1\"}");
        assertEquals(405, mutation.statusCode(), mutation.asString());
        assertEquals("METHOD_NOT_ALLOWED", mutation.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("private, no-store", mutation.header("cache-control"), "a signed-in request's answer is private");
    }
}
