package org.epicontrol.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: clients page with them and never build them. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the key part, or null for a null cursor; refuses cursors of another listing. */
    public static String decode(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + cursor + "' is not a cursor of this listing");
        }
        if (!raw.startsWith(kind + ":")) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + cursor + "' is not a cursor of this listing");
        }
        return raw.substring(kind.length() + 1);
    }

    /** For listings keyed by a bigint id: the id, or null for a null cursor; refuses anything else. */
    public static Long decodeId(String kind, String cursor) {
        String key = decode(kind, cursor);
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + cursor + "' is not a cursor of this listing");
        }
    }
}
