package org.epicontrol.gateway.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Manifests for tests, in the two formats client build tools write, with real SHA-256 ids. */
public final class Manifests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    public static String sha256(String document) {
        return Sha256.hex(document);
    }

    /** GraphQL Code Generator's client-preset {@code persisted-documents.json}: id to document. */
    public static String codegen(String... documents) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String d : documents) {
            map.put(sha256(d), d);
        }
        return write(map);
    }

    /** Apollo's persisted query manifest. */
    public static String apollo(String... documents) {
        List<Map<String, Object>> operations = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            operations.add(Map.of("id", sha256(documents[i]), "name", "Op" + i, "type", "query",
                    "body", documents[i]));
        }
        return write(Map.of("format", "apollo-persisted-query-manifest", "version", 1, "operations", operations));
    }

    /** Writes {@code json} to a new temporary file (deleted when the JVM ends) and returns its path. */
    public static String file(String json) {
        try {
            Path file = Files.createTempFile("manifest", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, json);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
