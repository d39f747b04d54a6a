package org.epicontrol.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In production (the suite runs the built jars with the prod profile) every service logs one JSON object per line,
 * as the cluster's log collector expects: a text line in between would arrive as a record of its own, unparsed.
 */
@ExtendWith(SuiteExtension.class)
class ProductionLogsTest {
    private final RunningSuite suite;

    ProductionLogsTest(RunningSuite suite) {
        this.suite = suite;
    }

    @ParameterizedTest
    @ValueSource(strings = {"notice-service", "volunteer-service", "gateway"})
    void productionLogIsOneJsonRecordPerLine(String service) {
        List<JsonNode> records = JsonLog.records(suite.log(service));
        assertFalse(records.isEmpty(), service + " has logged nothing");
        for (JsonNode record : records) {
            // JBoss names (INFO, WARN) and, for java.util.logging loggers, JUL names (WARNING)
            assertFalse(record.path("level").asText().isEmpty(), record::toString);
            assertTrue(record.path("message").isTextual(), record::toString);
            assertDoesNotThrow(() -> OffsetDateTime.parse(record.path("timestamp").asText()), record::toString);
        }
        assertTrue(records.stream().anyMatch(r -> r.path("message").asText().startsWith(service + " ")
                && r.path("message").asText().contains(" started in ")), service + ": no JSON start-up record");
    }
}
