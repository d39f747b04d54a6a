package org.epicontrol.gateway.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final JsonBodies json = new JsonBodies(MAPPER);

    private static Map<String, Object> answer() {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("id", "144");
        area.put("fullName", "小店区实地太原紫藤公馆2号楼 \"quoted\" \\ \n\u0001");
        area.put("count", 3);
        area.put("big", 12345678901L);
        area.put("ratio", 0.25);
        area.put("exact", new BigDecimal("1.10"));
        area.put("huge", new BigInteger("123456789012345678901234567890"));
        area.put("open", true);
        area.put("closedAt", null);
        area.put("kinds", new ArrayList<>(Arrays.asList("PARTY_MEMBER", null)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of("areas", List.of(area, Map.of())));
        body.put("errors", List.of());
        return body;
    }

    @Test
    void writesMapsListsAndScalarsAsTheMapperDoes() throws Exception {
        byte[] expected = MAPPER.writeValueAsBytes(answer());
        assertArrayEquals(expected, json.bytes(answer()));
        assertArrayEquals(expected, json.buffer(answer()).getBytes());
    }

    @Test
    void otherValuesAreWrittenByTheMapper() throws Exception {
        Map<String, Object> body = Map.of("day", LocalDate.of(2026, 11, 28));
        assertEquals(MAPPER.writeValueAsString(body), new String(json.bytes(body), StandardCharsets.UTF_8));
    }

    @Test
    void aPrefixComesBeforeTheDocument() throws Exception {
        byte[] part = "\r\n---\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("\r\n---\r\n{\"a\":[1,null]}", json.buffer(part, Map.of("a", Arrays.asList(1, null)))
                .toString(StandardCharsets.UTF_8));
    }
}
