package org.epicontrol.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** A process's log as a log collector reads it: one JSON object per line. */
final class JsonLog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonLog() {
    }

    /** Every complete line of the log as a JSON object; fails at the first line that is not one. */
    static List<JsonNode> records(Path log) {
        String text;
        try {
            text = Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the process may be writing the last line right now
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        List<JsonNode> records = new ArrayList<>();
        for (String line : complete.lines().toList()) {
            try {
                JsonNode record = JSON.readTree(line);
                if (record == null || !record.isObject()) {
                    fail(log + ": a line that is not a JSON object: " + line);
                }
                records.add(record);
            } catch (JsonProcessingException e) {
                fail(log + ": a line that is not JSON: " + line);
            }
        }
        return records;
    }

    /** Whether the log has a record with this message. */
    static boolean hasMessage(Path log, String message) {
        return records(log).stream().anyMatch(r -> message.equals(r.path("message").asText()));
    }
}
