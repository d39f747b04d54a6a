package org.epicontrol.notice.notice;

import org.epicontrol.notice.area.AreaPath;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice about to be stored, whether it came from the printed text or from a form. createdBy is the username,
 * createdBySubject the token subject four eyes compares.
 */
public record NewNotice(
        String issuer, int year, int number, LocalDate issueDate, LocalDate effectiveDate,
        String title, String legalBasis, String measures, String sourceText,
        NoticeStatus status, MessageType messageType, Long referencesId,
        List<NoticeWarning> warnings, String createdBy, String createdBySubject, List<Item> designations) {

    /** One designation: its text as printed, and the areas it covers and exempts. */
    public record Item(String district, String text, String levelCode, String action,
                       List<AreaPath> included, List<AreaPath> excluded) {
    }
}
