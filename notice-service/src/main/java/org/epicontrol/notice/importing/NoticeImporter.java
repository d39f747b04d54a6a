package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.feed.NoticeFeed;
import org.epicontrol.notice.issuer.IssuerDirectory;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.notice.NewNotice;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeDrafts;
import org.epicontrol.notice.notice.NoticeQueries;
import org.epicontrol.notice.notice.NoticeStore;

/**
 * Imports a notice as the office printed it: it is published already, so it is stored as published. The text is
 * read by {@link NoticeReading} on a worker thread within the time budget; this class fetches the vocabulary
 * (levels, issuer names) and stores the outcome.
 */
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
                .chain(vocabulary -> vertx.executeBlocking(() -> new NoticeReading(config.zone(),
                        config.importing().parseBudget()).read(text, vocabulary.getItem1(), vocabulary.getItem2(),
                        yearHint, issuerHint, importedBy), false))
                .chain(notice -> queries.byNumber(notice.issuer(), notice.year(), notice.number())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(unchanged(existing))
                                : store(notice, importedBy)));
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
}
