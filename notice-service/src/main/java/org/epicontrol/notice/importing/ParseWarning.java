package org.epicontrol.notice.importing;

import java.util.Objects;

/**
 * An inconsistency found in a published notice. The notice is kept as published; a warning only reports.
 *
 * @param code    stable machine code, e.g. {@code DISTRICT_COUNT_MISMATCH}
 * @param message English explanation naming the district or level and both numbers
 */
public record ParseWarning(String code, String message) {

    public static final String DISTRICT_COUNT_MISMATCH = "DISTRICT_COUNT_MISMATCH";
    public static final String DISTRICT_EMPTY = "DISTRICT_EMPTY";
    public static final String SECTION_COUNT_MISMATCH = "SECTION_COUNT_MISMATCH";
    public static final String HEADLINE_TOTAL_MISMATCH = "HEADLINE_TOTAL_MISMATCH";
    public static final String SECTION_WITHOUT_DISTRICT = "SECTION_WITHOUT_DISTRICT";

    public ParseWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
