package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.issuer.IssuerDirectory;
import org.epicontrol.notice.level.LevelCatalog;

/**
 * Imports a notice as the office printed it. Printed is not yet public here: the text may be misread, so it is
 * stored as a draft for review (its parse and warnings), and another person publishes it (four eyes,
 * {@link ImportedDrafts}). The text is read by {@link NoticeReading} on a worker thread within the time budget; this
 * class fetches the vocabulary (levels, issuer names) and hands the outcome to the drafts.
 */
@ApplicationScoped
public class NoticeImporter {

    private final LevelCatalog levels;
    private final NoticeConfig config;
    private final IssuerDirectory issuers;
    private final Vertx vertx;
    private final ImportedDrafts drafts;

    public NoticeImporter(LevelCatalog levels, NoticeConfig config, IssuerDirectory issuers, Vertx vertx,
                          ImportedDrafts drafts) {
        this.levels = levels;
        this.config = config;
        this.issuers = issuers;
        this.vertx = vertx;
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
        return Uni.combine().all().unis(levels.byCode(), issuers.names()).asTuple()
                // Reading is CPU work on untrusted text: on a worker thread, never the event loop, within a budget.
                .chain(vocabulary -> vertx.executeBlocking(() -> new NoticeReading(config.zone(),
                        config.importing().parseBudget()).read(text, vocabulary.getItem1(), vocabulary.getItem2(),
                        yearHint, issuerHint, importedBy), false))
                .chain(draft -> drafts.store(draft, importedBy));
    }
}
