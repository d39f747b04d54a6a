package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.notice.NewNotice;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeDrafts;
import org.epicontrol.notice.notice.NoticeQueries;
import org.epicontrol.notice.notice.NoticeStatus;
import org.epicontrol.notice.notice.NoticeStore;

/**
 * The storing side of an import, four eyes: a new notice becomes a draft that another person publishes
 * (publishNotice); a corrected import of a draft (same issuer, year, number) replaces its content; a notice that is
 * no longer a draft is never changed by an import. Each change is written with its audit event in one transaction.
 */
@ApplicationScoped
public class ImportedDrafts {

    private final Pool pool;
    private final NoticeStore store;
    private final NoticeQueries queries;
    private final AuditStore audit;

    public ImportedDrafts(Pool pool, NoticeStore store, NoticeQueries queries, AuditStore audit) {
        this.pool = pool;
        this.store = store;
        this.queries = queries;
        this.audit = audit;
    }

    /** notice is the parsed text as a draft (status DRAFT, the importer as its author). */
    public Uni<ImportResult> store(NewNotice notice, Caller importer) {
        return queries.byNumber(notice.issuer(), notice.year(), notice.number()).chain(existing -> {
            if (existing == null) {
                return create(notice, importer);
            }
            if (existing.status() != NoticeStatus.DRAFT) {
                return Uni.createFrom().item(unchanged(existing, "is " + existing.status().name().toLowerCase()
                        + " already; an import never changes it"));
            }
            if (notice.sourceText().equals(existing.sourceText())) {
                return Uni.createFrom().item(unchanged(existing, "is a draft with this very text"));
            }
            return replace(existing, notice, importer);
        });
    }

    private Uni<ImportResult> create(NewNotice notice, Caller importer) {
        return pool.withTransaction(tx -> store.insert(tx, notice)
                        .call(id -> audit.append(tx, AuditEntry.of(importer, AuditAction.IMPORT, AuditEntry.NOTICE, id,
                                details(notice).put("status", NoticeStatus.DRAFT.name())))))
                .chain(queries::byId)
                .map(stored -> new ImportResult(stored, true, false, "imported notice " + stored.number() + " of "
                        + stored.year() + " as a draft with " + notice.designations().size() + " designations"
                        + warnings(stored) + "; another person with notice-publisher publishes it"))
                // A concurrent import of the same notice won the unique key: report it as the duplicate it is.
                .onFailure(NoticeDrafts::isUniqueViolation)
                .recoverWithUni(() -> queries.byNumber(notice.issuer(), notice.year(), notice.number())
                        .map(existing -> unchanged(existing, "was imported concurrently")));
    }

    private Uni<ImportResult> replace(Notice draft, NewNotice notice, Caller importer) {
        long id = draft.numericId();
        return pool.withTransaction(tx -> store.replaceDraft(tx, id, notice)
                        .call(replaced -> replaced
                                ? audit.append(tx, AuditEntry.of(importer, AuditAction.REPLACE, AuditEntry.NOTICE, id,
                                        details(notice).put("previousWarnings", draft.warnings().size())))
                                : Uni.createFrom().voidItem()))
                .chain(replaced -> queries.byId(id).map(current -> replaced
                        ? new ImportResult(current, false, true, "replaced draft " + id + " of notice "
                                + current.number() + " of " + current.year() + ": now " + notice.designations().size()
                                + " designations" + warnings(current) + "; still a draft")
                        : unchanged(current, "was published meanwhile; an import never changes it")));
    }

    private static JsonObject details(NewNotice notice) {
        return new JsonObject()
                .put("issuer", notice.issuer())
                .put("year", notice.year())
                .put("number", notice.number())
                .put("designations", notice.designations().size())
                .put("warnings", notice.warnings().size());
    }

    private static String warnings(Notice stored) {
        return stored.warnings().isEmpty() ? "" : " and " + stored.warnings().size() + " warnings";
    }

    private static ImportResult unchanged(Notice existing, String why) {
        return new ImportResult(existing, false, false, "notice " + existing.number() + " of " + existing.year()
                + " by " + existing.issuer() + " was already imported (id " + existing.id() + ") and " + why
                + "; nothing changed");
    }
}
