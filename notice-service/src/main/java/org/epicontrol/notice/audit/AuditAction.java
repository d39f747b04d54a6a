package org.epicontrol.notice.audit;

/** What a member of staff did to a notice (or to the case data behind downgrades). */
public enum AuditAction {
    /** A draft entered through the form (an ALERT, or an UPDATE or CANCEL of a published notice). */
    CREATE,
    /** A printed notice imported, stored as a draft for another person to publish. */
    IMPORT,
    /** A draft's content replaced by a corrected import of the same notice. */
    REPLACE,
    PUBLISH,
    /** A published notice replaced from a date by the UPDATE just published. */
    CORRECT,
    /** A published notice voided from a date by the CANCEL just published. */
    CANCEL,
    REPORT_CASES
}
