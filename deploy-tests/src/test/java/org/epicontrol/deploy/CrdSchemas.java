package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Offline validation of custom resources against the OpenAPI v3 schemas of their vendored CRDs
 * ({@code src/test/resources/crds}, README there) with networknt's JSON Schema validator, as strict as client-java's
 * models are for the built-in kinds: a required field missing, a wrong type or enum value, and an <em>unknown
 * field</em> are errors. (The API server would prune an unknown field of a structural schema silently; kubectl's
 * field validation, strict since 1.27, refuses it: so do we, by closing every object schema that neither lists
 * {@code additionalProperties} nor says {@code x-kubernetes-preserve-unknown-fields}.) {@code metadata} is checked
 * with client-java's {@code V1ObjectMeta}.
 */
final class CrdSchemas {
    static final List<String> FILES = List.of("postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io_scheduledbackups.yaml", "monitoring.coreos.com_podmonitors.yaml");

    /** apiVersion/kind to the schema of that version. */
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    static Set<String> kinds() {
        return new TreeSet<>(SCHEMAS.keySet());
    }

    /** Whether {@code type} (apiVersion/kind) is a vendored custom resource. */
    static boolean knows(String type) {
        return SCHEMAS.containsKey(type);
    }

    /** The problems of one custom resource (empty: valid). */
    static List<String> problems(JsonNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        JsonSchema schema = SCHEMAS.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("no vendored CRD for " + type);
        }
        ObjectNode body = ((ObjectNode) doc).deepCopy();
        JsonNode metadata = body.remove("metadata");
        List<String> problems = new java.util.ArrayList<>();
        try {
            JSON.deserialize(metadata == null ? "{}" : metadata.toString(), V1ObjectMeta.class);
        } catch (RuntimeException e) {
            problems.add("metadata: " + Schema.rootMessage(e));
        }
        if (metadata == null || !metadata.hasNonNull("name")) {
            problems.add("metadata.name is required");
        }
        for (ValidationMessage m : schema.validate(body)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : FILES) {
            JsonNode crd = Manifests.parse(resource("crds/" + file)).get(0);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                ObjectNode properties = (ObjectNode) schema.path("properties");
                properties.remove("metadata"); // checked with V1ObjectMeta (and its name required) in problems()
                if (schema.get("required") instanceof ArrayNode required) {
                    for (int i = required.size() - 1; i >= 0; i--) {
                        if (required.get(i).asText().equals("metadata")) {
                            required.remove(i);
                        }
                    }
                }
                properties.remove("apiVersion");
                properties.remove("kind");
                properties.putObject("apiVersion").put("type", "string");
                properties.putObject("kind").put("type", "string");
                close(schema);
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                        factory.getSchema(schema, config));
            }
        }
        return schemas;
    }

    /**
     * additionalProperties: false on every object schema with properties that does not say otherwise, walking the
     * schema keywords only (never example or default values).
     */
    static void close(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(CrdSchemas::close);
        close(schema.get("items"));
        close(schema.get("additionalProperties"));
        close(schema.get("not"));
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(list).forEach(CrdSchemas::close);
        }
    }

    private static String resource(String path) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
