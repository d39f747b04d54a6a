package org.epicontrol.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ETagsTest {
    private static String tag(String body) {
        return ETags.of(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTagIsAQuotedHashOfTheBody() {
        assertEquals(tag("{\"data\":1}"), tag("{\"data\":1}"));
        assertNotEquals(tag("{\"data\":1}"), tag("{\"data\":2}"));
        assertTrue(tag("x").matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void ifNoneMatchMatchesAListedTagWeakOrStrongOrAStar() {
        String t = tag("x");
        assertTrue(ETags.matches(t, t));
        assertTrue(ETags.matches("\"a\", W/" + t, t));
        assertTrue(ETags.matches("*", t));
        assertFalse(ETags.matches("\"a\", \"b\"", t));
        assertFalse(ETags.matches(null, t));
        assertFalse(ETags.matches(t.substring(0, 10) + "\"", t));
    }
}
