package org.epicontrol.gateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a manifest of registered operations in either of the two formats client build tools write:
 * <ul>
 * <li>Apollo's persisted query manifest ({@code @apollo/generate-persisted-query-manifest}):
 * {@code {"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":…,"name":…,"type":…,"body":…}]}};
 * <li>GraphQL Code Generator's client-preset {@code persisted-documents.json} with {@code hashAlgorithm: 'sha256'}:
 * a JSON object mapping each id (also as {@code sha256:<hex>}) to its document.
 * </ul>
 * Every id must be the SHA-256 of its body. A manifest where one is not is refused whole, never loaded in part: a
 * wrong id means a broken or tampered build, and a partly loaded manifest would only fail later, for some screens.
 */
public final class ManifestParser {
    static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";
    private static final String ALGORITHM_PREFIX = "sha256:";
    /** Problems named in the exception; the rest are counted. */
    private static final int NAMED_PROBLEMS = 5;

    private final ObjectMapper mapper;

    public ManifestParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public DocumentManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new ManifestException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException("not a JSON object");
        }
        Map<String, String> bodies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        if (root.has("format")) {
            readApollo(root, bodies, problems);
        } else {
            readIdToDocument(root, bodies, problems);
        }
        if (!problems.isEmpty()) {
            String named = String.join("; ", problems.subList(0, Math.min(NAMED_PROBLEMS, problems.size())));
            int more = problems.size() - NAMED_PROBLEMS;
            throw new ManifestException(problems.size() + " problem(s), manifest not loaded: " + named
                    + (more > 0 ? "; and " + more + " more" : ""));
        }
        return new DocumentManifest(bodies);
    }

    private static void readApollo(JsonNode root, Map<String, String> bodies, List<String> problems) {
        if (!APOLLO_FORMAT.equals(root.path("format").asText())) {
            throw new ManifestException("unknown format '" + root.path("format").asText() + "' (expected "
                    + APOLLO_FORMAT + " or an object of id to document)");
        }
        if (root.path("version").asInt() != 1) {
            throw new ManifestException(APOLLO_FORMAT + " version " + root.path("version") + " is not supported (1 is)");
        }
        JsonNode operations = root.path("operations");
        if (!operations.isArray()) {
            throw new ManifestException(APOLLO_FORMAT + " without an 'operations' array");
        }
        for (int i = 0; i < operations.size(); i++) {
            JsonNode op = operations.get(i);
            String where = "operations[" + i + "]" + (op.hasNonNull("name") ? " (" + op.get("name").asText() + ")" : "");
            add(where, text(op, "id"), text(op, "body"), bodies, problems);
        }
    }

    private static void readIdToDocument(JsonNode root, Map<String, String> bodies, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            add("'" + e.getKey() + "'", e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null, bodies,
                    problems);
        }
    }

    private static void add(String where, String id, String body, Map<String, String> bodies, List<String> problems) {
        if (id == null || body == null) {
            problems.add(where + " needs a string id and a string document");
            return;
        }
        if (id.startsWith(ALGORITHM_PREFIX)) {
            id = id.substring(ALGORITHM_PREFIX.length()); // GraphQL over HTTP's document identifier form
        }
        if (!Sha256.isHash(id)) {
            problems.add(where + ": id '" + id + "' is not a SHA-256 hash (64 hex digits)");
            return;
        }
        String expected = Sha256.hex(body);
        if (!expected.equals(id.toLowerCase(Locale.ROOT))) {
            problems.add(where + ": id " + id + " is not the SHA-256 of its document (" + expected + ")");
            return;
        }
        bodies.put(expected, body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
