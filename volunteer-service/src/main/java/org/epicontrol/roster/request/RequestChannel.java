package org.epicontrol.roster.request;

import org.epicontrol.common.DomainException;

import java.util.Arrays;
import java.util.Locale;

/** How a request reached the community (the API takes it as text; the table's check holds the same list). */
enum RequestChannel {
    PHONE, IN_PERSON, GRID_WORKER, WECHAT, HOTLINE, OTHER;

    /** The channel named, PHONE when none is. */
    static RequestChannel of(String text) {
        if (text == null || text.isBlank()) {
            return PHONE;
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.invalid("channel must be one of " + Arrays.toString(values())
                        + ", was '" + text + "'"));
    }
}
