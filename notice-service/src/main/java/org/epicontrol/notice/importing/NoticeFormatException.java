package org.epicontrol.notice.importing;

/** Thrown when a text cannot be read as a notice at all; inconsistencies inside a notice are warnings instead. */
public class NoticeFormatException extends RuntimeException {

    public static final String TEXT_EMPTY = "TEXT_EMPTY";
    public static final String NOT_A_NOTICE = "NOT_A_NOTICE";
    public static final String NOTICE_NUMBER_MISSING = "NOTICE_NUMBER_MISSING";
    public static final String DATE_MISSING = "DATE_MISSING";
    /** The parse ran over its time budget (see {@link ParseDeadline}). */
    public static final String NOTICE_PARSE_TIMEOUT = "NOTICE_PARSE_TIMEOUT";

    private static final long serialVersionUID = 1L;

    private final String code;

    public NoticeFormatException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
