package org.epicontrol.notice.importing;

import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.area.AreaTextParser;
import org.epicontrol.notice.area.ParsedAreaItem;
import org.epicontrol.notice.issuer.IssuerNames;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.MessageType;
import org.epicontrol.notice.notice.NewNotice;
import org.epicontrol.notice.notice.NoticeStatus;
import org.epicontrol.notice.notice.NoticeWarning;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a printed notice into the notice to store: parses the text, resolves its issuer through the aliases,
 * dates it, and reads every item into areas, all within one time budget. Pure CPU work on untrusted text with no
 * I/O, so {@link NoticeImporter} runs it on a worker thread. Fails only with a typed {@link DomainException}.
 */
final class NoticeReading {

    private final ZoneId zone;
    private final Duration budget;
    private final AreaTextParser areaParser = new AreaTextParser();

    /**
     * @param zone   where "today" is judged (a notice dated after it is refused)
     * @param budget time the whole reading may take
     */
    NoticeReading(ZoneId zone, Duration budget) {
        this.zone = zone;
        this.budget = budget;
    }

    /**
     * @param known      the levels in force, by code
     * @param names      the known issuers' names
     * @param yearHint   the year, for texts that print only month and day (newspaper reprints do)
     * @param issuerHint the issuer, for texts that do not name it
     */
    NewNotice read(String text, Map<String, RiskLevel> known, IssuerNames names, Integer yearHint,
                   String issuerHint, Caller importedBy) {
        ParseDeadline deadline = ParseDeadline.after(budget);
        try {
            NoticeTextParser parser = new NoticeTextParser(known.values().stream().map(RiskLevel::name).toList(),
                    names.aliases());
            ParsedNotice parsed = parser.parse(text, deadline);
            return toNotice(parsed, text, known, names, yearHint, issuerHint, importedBy, deadline);
        } catch (NoticeFormatException e) {
            throw new DomainException(e.code(), e.getMessage());
        }
    }

    private NewNotice toNotice(ParsedNotice parsed, String text, Map<String, RiskLevel> known, IssuerNames names,
                               Integer yearHint, String issuerHint, Caller importedBy, ParseDeadline deadline) {
        Integer year = parsed.year() != null ? parsed.year() : yearHint;
        if (year == null) {
            throw new DomainException("YEAR_UNKNOWN",
                    "the text gives no year for its date " + parsed.month() + "月" + parsed.day() + "日; pass year");
        }
        if (parsed.year() != null && yearHint != null && !parsed.year().equals(yearHint)) {
            throw new DomainException("YEAR_MISMATCH",
                    "the text says " + parsed.year() + " but year " + yearHint + " was passed");
        }
        LocalDate issued;
        try {
            issued = LocalDate.of(year, parsed.month(), parsed.day());
        } catch (DateTimeException e) {
            throw new DomainException("INVALID_DATE", "the notice's date is not a date: " + e.getMessage());
        }
        LocalDate today = LocalDate.now(zone);
        if (issued.isAfter(today)) {
            throw new DomainException("DATE_IN_FUTURE",
                    "the notice is dated " + issued + ", after today (" + today + ")");
        }
        // Any alias of a known issuer, printed or passed, stands for its canonical name.
        String issuer = names.canonical(parsed.issuer() != null ? parsed.issuer() : issuerHint);
        if (issuer == null || issuer.isBlank()) {
            throw new DomainException("ISSUER_UNKNOWN", "the text does not name its issuer; pass issuer");
        }
        List<NewNotice.Item> items = new ArrayList<>();
        for (ParsedSection section : parsed.sections()) {
            String levelCode = known.values().stream()
                    .filter(l -> l.name().equals(section.levelName()))
                    .map(RiskLevel::code)
                    .findFirst()
                    .orElseThrow(() -> new DomainException("UNKNOWN_LEVEL", "level " + section.levelName() + " is unknown"));
            for (ParsedDistrictList list : section.districts()) {
                for (String item : list.items()) {
                    ParsedAreaItem areas = areaParser.parseItem(list.district(), item, deadline::checkNow);
                    items.add(new NewNotice.Item(list.district(), item, levelCode, section.action(),
                            areas.included(), areas.excluded()));
                }
            }
        }
        List<NoticeWarning> warnings = new ArrayList<>(parsed.warnings().stream()
                .map(w -> new NoticeWarning(w.code(), w.message()))
                .toList());
        LocalDate effective = effectiveDate(parsed, issued, warnings);
        return new NewNotice(issuer, year, parsed.number(), issued, effective, parsed.title(),
                parsed.legalBasis(), parsed.measures(), text, NoticeStatus.DRAFT, MessageType.ALERT, null,
                warnings, importedBy.username(), importedBy.subject(), items);
    }

    /** "11月28日起" as printed, in the year nearest the issue date; "即日起" or nothing: the issue date. */
    private static LocalDate effectiveDate(ParsedNotice parsed, LocalDate issued, List<NoticeWarning> warnings) {
        if (parsed.effectiveFrom() == null) {
            return issued;
        }
        LocalDate effective;
        try {
            effective = parsed.effectiveFrom().near(issued);
        } catch (DateTimeException e) {
            throw new DomainException("INVALID_DATE", "the notice's effective date is not a date: " + e.getMessage());
        }
        if (effective.isBefore(issued)) {
            // The public map does not change before a notice exists: it counts from its issue date.
            warnings.add(new NoticeWarning("EFFECTIVE_BEFORE_ISSUE", "The text says it takes effect on " + effective
                    + ", before its issue date " + issued + "; it counts from " + issued + "."));
            return issued;
        }
        return effective;
    }
}
