package org.epicontrol.gateway.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The token of a {@code connection_init} payload's Authorization entry. */
class CallerTest {

    @Test
    void bearerPrefixIsOptionalAndCaseInsensitive() {
        assertEquals("abc.def.ghi", Caller.token("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", Caller.token("bearer  abc.def.ghi "));
        assertEquals("abc.def.ghi", Caller.token("abc.def.ghi"));
    }

    @Test
    void missingBlankOrNonTextValuesAreNoToken() {
        assertNull(Caller.token(null));
        assertNull(Caller.token("  "));
        assertNull(Caller.token(42));
    }
}
