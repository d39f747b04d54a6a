package org.epicontrol.gateway.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token writer the shaper writes with: Jackson's bytes exactly, and rewinding. */
class JsonOutTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] written(Object value) {
        ByteBuf buf = Unpooled.buffer(16);
        new JsonOut(buf, MAPPER).value(value);
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void everyCharacterIsEscapedOrEncodedAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00 \uFFFF \u2028 小店区 \"q\" \\ / \u007F");
        String text = all.toString();
        assertArrayEquals(MAPPER.writeValueAsBytes(text), written(text));
        for (String s : List.of("", "plain", "\uD800", "a\uDC00b", "\uDBFF\uDFFF", "\u0000\u001F")) {
            assertArrayEquals(MAPPER.writeValueAsBytes(s), written(s), s);
        }
    }

    @Test
    void mapsListsAndScalarsAsTheMapperWritesThem() throws Exception {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("id", "144");
        area.put("count", 3);
        area.put("negative", -17);
        area.put("min", Integer.MIN_VALUE);
        area.put("big", 12345678901L);
        area.put("ratio", 0.25);
        area.put("tiny", 1.0E-9);
        area.put("exact", new BigDecimal("1.10"));
        area.put("huge", new BigInteger("123456789012345678901234567890"));
        area.put("open", true);
        area.put("shut", false);
        area.put("closedAt", null);
        area.put("kinds", new ArrayList<>(Arrays.asList("PARTY_MEMBER", null)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of("areas", List.of(area, Map.of(), List.of())));
        assertArrayEquals(MAPPER.writeValueAsBytes(body), written(body));
    }

    @Test
    void resetForgetsWhatWasWrittenSinceTheMark() {
        ByteBuf buf = Unpooled.buffer(16);
        JsonOut out = new JsonOut(buf, MAPPER);
        out.startObject();
        out.name("a");
        int mark = out.mark();
        out.startArray();
        out.value("partly written");
        out.reset(mark);
        out.nullValue();
        out.endObject();
        assertEquals("{\"a\":null}", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writtenDataIsTheBodyOrAValueInsideALargerBody() throws Exception {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeBytes(RawJson.DATA_PREFIX);
        new JsonOut(buf, MAPPER).value(Map.of("a", List.of(1, "x")));
        RawJson data = new RawJson(buf, RawJson.DATA_PREFIX.length);
        JsonBodies bodies = new JsonBodies(MAPPER);

        Map<String, Object> withErrors = new LinkedHashMap<>();
        withErrors.put("errors", List.of(Map.of("message", "m")));
        withErrors.put("data", data);
        withErrors.put("extensions", Map.of("k", 1));
        assertEquals("{\"errors\":[{\"message\":\"m\"}],\"data\":{\"a\":[1,\"x\"]},\"extensions\":{\"k\":1}}",
                new String(bodies.bytes(withErrors), StandardCharsets.UTF_8));
        assertEquals("{\"data\":{\"a\":[1,\"x\"]}}", bodies.buffer(Map.of("data", data))
                .toString(StandardCharsets.UTF_8));
        assertEquals("{\"data\":{\"a\":[1,\"x\"]}}", bodies.buffer(Map.of("data", data))
                .toString(StandardCharsets.UTF_8), "the same body again");
        assertEquals("{\"data\":{\"a\":[1,\"x\"]}}", new String(bodies.bytes(Map.of("data", data)),
                StandardCharsets.UTF_8), "and as bytes (an ETag's input)");
    }
}
