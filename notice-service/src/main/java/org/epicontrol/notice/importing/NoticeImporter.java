package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.AreaTextParser;
import org.epicontrol.notice.area.ParsedAreaItem;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.feed.NoticeFeed;
import org.epicontrol.notice.issuer.IssuerDirectory;
import org.epicontrol.notice.issuer.IssuerNames;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.MessageType;
import org.epicontrol.notice.notice.NewNotice;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeDrafts;
import org.epicontrol.notice.notice.NoticeQueries;
import org.epicontrol.notice.notice.NoticeStatus;
import org.epicontrol.notice.notice.NoticeStore;
import org.epicontrol.notice.notice.NoticeWarning;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Imports a notice as the office printed it: it is published already, so it is stored as published. */
@ApplicationScoped
public class NoticeImporter {

    private final Pool pool;
    private final NoticeStore store;
    private final NoticeQueries queries;
    private final LevelCatalog levels;
    private final NoticeFeed feed;
    private final NoticeConfig config;
    private final AuditStore audit;
    private final IssuerDirectory issuers;
    private final Vertx vertx;
    private final AreaTextParser areaParser = new AreaTextParser();

    public NoticeImporter(Pool pool, NoticeStore store, NoticeQueries queries, LevelCatalog levels, NoticeFeed feed,
                          NoticeConfig config, AuditStore audit, IssuerDirectory issuers, Vertx vertx) {
        this.pool = pool;
        this.issuers = issuers;
        this.vertx = vertx;
        this.store = store;
        this.queries = queries;
        this.levels = levels;
        this.feed = feed;
        this.config = config;
        this.audit = audit;
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
        return Uni.combine().all().unis(levels.byCode(), issuers.names()).asTuple()
                // Reading is CPU work on untrusted text: on a worker thread, never the event loop, within a budget.
                .chain(vocabulary -> vertx.executeBlocking(() -> read(text, vocabulary.getItem1(),
                        vocabulary.getItem2(), yearHint, issuerHint, importedBy), false))
                .chain(notice -> queries.byNumber(notice.issuer(), notice.year(), notice.number())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(unchanged(existing))
                                : store(notice, importedBy)));
    }

    /** Parses the text and reads its items into areas, all within the configured time budget. */
    private NewNotice read(String text, Map<String, RiskLevel> known, IssuerNames names, Integer yearHint,
                           String issuerHint, Caller importedBy) {
        ParseDeadline deadline = ParseDeadline.after(config.importing().parseBudget());
        try {
            NoticeTextParser parser = new NoticeTextParser(known.values().stream().map(RiskLevel::name).toList(),
                    names.aliases());
            ParsedNotice parsed = parser.parse(text, deadline);
            return toNotice(parsed, text, known, names, yearHint, issuerHint, importedBy, deadline);
        } catch (NoticeFormatException e) {
            throw new DomainException(e.code(), e.getMessage());
        }
    }

    private Uni<ImportResult> store(NewNotice notice, Caller importedBy) {
        return pool.withTransaction(tx -> store.insert(tx, notice)
                        .call(id -> audit.append(tx, AuditEntry.of(importedBy, AuditAction.IMPORT, AuditEntry.NOTICE, id,
                                new JsonObject()
                                        .put("issuer", notice.issuer())
                                        .put("year", notice.year())
                                        .put("number", notice.number())
                                        .put("designations", notice.designations().size())
                                        .put("warnings", notice.warnings().size())))))
                .chain(queries::byId)
                .invoke(feed::announce)
                .map(stored -> new ImportResult(stored, true, "imported notice " + stored.number() + " of "
                        + stored.year() + " with " + notice.designations().size() + " designations"
                        + (stored.warnings().isEmpty() ? "" : " and " + stored.warnings().size() + " warnings")))
                // A concurrent import of the same notice won the unique key: report it as the duplicate it is.
                .onFailure(NoticeDrafts::isUniqueViolation)
                .recoverWithUni(() -> queries.byNumber(notice.issuer(), notice.year(), notice.number())
                        .map(NoticeImporter::unchanged));
    }

    private static ImportResult unchanged(Notice existing) {
        return new ImportResult(existing, false, "notice " + existing.number() + " of " + existing.year() + " by "
                + existing.issuer() + " was already imported (id " + existing.id() + "); nothing changed");
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
        LocalDate today = LocalDate.now(config.zone());
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
                parsed.legalBasis(), parsed.measures(), text, NoticeStatus.PUBLISHED, MessageType.ALERT, null,
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
