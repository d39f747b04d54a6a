package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.json.JsonBodies;
import org.junit.jupiter.api.Test;

class ShapedObjectTest {
    private static final String[] KEYS = {"id", "name", "kind"};

    @Test
    void keysComeInTheirOrderAndLookUpLikeAnyMap() {
        ShapedObject o = new ShapedObject(KEYS);
        o.add("id", "12");
        o.add("name", null);
        o.add("kind", "CHECKPOINT");
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("id", "12");
        same.put("name", null);
        same.put("kind", "CHECKPOINT");
        assertEquals(same, o);
        assertEquals(o, same);
        assertEquals(same.hashCode(), o.hashCode());
        assertEquals(List.of("id", "name", "kind"), List.copyOf(o.keySet()));
        assertTrue(o.containsKey("name"));
        assertFalse(o.containsKey("other"));
        assertNull(o.get("other"));
    }

    @Test
    void aSkippedKeyOrAnUnforeseenOneLeavesTheSharedKeysAlone() {
        ShapedObject first = new ShapedObject(KEYS);
        first.add("id", "1");
        first.add("kind", "POST"); // "name" skipped: no longer the next shared key
        first.put("extra", true);
        first.put("id", "2");
        assertEquals(Map.of("id", "2", "kind", "POST", "extra", true), first);
        assertEquals(List.of("id", "kind", "extra"), List.copyOf(first.keySet()));
        ShapedObject second = new ShapedObject(KEYS);
        second.add("id", "3");
        second.add("name", "n");
        second.add("kind", "K");
        assertEquals(List.of("id", "name", "kind"), List.copyOf(second.keySet()));
        assertEquals(List.of("id", "name", "kind"), List.of(KEYS));
    }

    @Test
    void writtenAsJsonInItsOrderByHandAndByTheMapper() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ShapedObject o = new ShapedObject(KEYS);
        o.add("id", "12");
        o.add("name", "卡口");
        String expected = "{\"id\":\"12\",\"name\":\"卡口\"}";
        assertEquals(expected, mapper.writeValueAsString(o));
        assertEquals(expected, new String(new JsonBodies(mapper).bytes(o), java.nio.charset.StandardCharsets.UTF_8));
    }
}
