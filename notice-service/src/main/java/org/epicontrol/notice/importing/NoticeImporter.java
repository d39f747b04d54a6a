package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.AreaTextParser;
import org.epicontrol.notice.area.ParsedAreaItem;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.MessageType;
import org.epicontrol.notice.notice.NewNotice;
import org.epicontrol.notice.notice.NoticeStatus;
import org.epicontrol.notice.notice.NoticeWarning;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a notice as the office printed it. Printed is not yet public here: the text may be misread, so it is
 * stored as a draft for review (its parse and warnings), and another person publishes it (four eyes, ImportedDrafts).
 */
@ApplicationScoped
public class NoticeImporter {

    private final LevelCatalog levels;
    private final NoticeConfig config;
    private final ImportedDrafts drafts;
    private final AreaTextParser areaParser = new AreaTextParser();

    public NoticeImporter(LevelCatalog levels, NoticeConfig config, ImportedDrafts drafts) {
        this.levels = levels;
        this.config = config;
        this.drafts = drafts;
    }

    /**
     * @param yearHint the year, for texts that print only month and day (newspaper reprints do)
     * @param issuerHint the issuer, for texts that do not name it
     */
    public Uni<ImportResult> importText(String text, Integer yearHint, String issuerHint, Caller importedBy) {
        if (text == null || text.isBlank()) {
            throw new DomainException("TEXT_EMPTY", "the notice text is empty");
        }
        int max = config.importing().maxTextLength();
        if (text.length() > max) {
            throw new DomainException("TEXT_TOO_LARGE",
                    "the text has " + text.length() + " characters; a notice has at most " + max);
        }
        return levels.byCode().chain(known -> {
            ParsedNotice parsed;
            try {
                parsed = new NoticeTextParser(known.values().stream().map(RiskLevel::name).toList()).parse(text);
            } catch (NoticeFormatException e) {
                throw new DomainException(e.code(), e.getMessage());
            }
            NewNotice notice = toNotice(parsed, text, known, yearHint, issuerHint, importedBy);
            return drafts.store(notice, importedBy);
        });
    }

    private NewNotice toNotice(ParsedNotice parsed, String text, Map<String, RiskLevel> known, Integer yearHint,
                               String issuerHint, Caller importedBy) {
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
        LocalDate today = LocalDate.now(config.zone());
        if (issued.isAfter(today)) {
            throw new DomainException("DATE_IN_FUTURE",
                    "the notice is dated " + issued + ", after today (" + today + ")");
        }
        String issuer = parsed.issuer() != null ? parsed.issuer() : issuerHint;
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
                    ParsedAreaItem areas = areaParser.parseItem(list.district(), item);
                    items.add(new NewNotice.Item(list.district(), item, levelCode, section.action(),
                            areas.included(), areas.excluded()));
                }
            }
        }
        List<NoticeWarning> warnings = parsed.warnings().stream()
                .map(w -> new NoticeWarning(w.code(), w.message()))
                .toList();
        // Notices of this office take effect at once (即日起).
        return new NewNotice(issuer.strip(), year, parsed.number(), issued, issued, parsed.title(),
                parsed.legalBasis(), parsed.measures(), text, NoticeStatus.DRAFT, MessageType.ALERT, null,
                warnings, importedBy.username(), importedBy.subject(), items);
    }
}
