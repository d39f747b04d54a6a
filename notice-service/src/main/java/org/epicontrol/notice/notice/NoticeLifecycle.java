package org.epicontrol.notice.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.feed.AreaEventKind;
import org.epicontrol.notice.feed.AreaEventLog;
import org.epicontrol.notice.feed.AreaEventMetrics;
import org.epicontrol.notice.risk.RiskMapMaintenance;

import java.time.OffsetDateTime;

/**
 * Draft → published; publishing an update or cancellation supersedes the notice it refers to. The lifecycle columns
 * change through {@link NoticeEntity} (Panache: plain read and update); the publication's area events, audit event
 * and status changes commit in one transaction.
 */
@ApplicationScoped
public class NoticeLifecycle {

    private final NoticeAccess access;
    private final AuditStore audit;
    private final AreaEventLog events;
    private final AreaEventMetrics metrics;
    private final RiskMapMaintenance riskMap;

    public NoticeLifecycle(NoticeAccess access, AuditStore audit, AreaEventLog events, AreaEventMetrics metrics,
                           RiskMapMaintenance riskMap) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.metrics = metrics;
        this.riskMap = riskMap;
    }

    private record Published(AreaEventKind kind, int events) {
    }

    /** Returns the id of the notice it published. The caller's role was checked; four eyes is checked here. */
    public Uni<Long> publish(long id, Caller publisher) {
        return Panache.withTransaction(() -> Panache.getSession()
                        // a retry of this publication waits here for the first one, and fails rather than publish
                        .call(audit::claimIdempotencyKey)
                        .chain(events::serialise)
                        // Row-locked: an import replacing the draft (and its author) waits for us, or we for it, so
                        // four eyes judges the author of exactly the content that is published.
                        .chain(() -> NoticeEntity.<NoticeEntity>findById(id, LockModeType.PESSIMISTIC_WRITE))
                        .onItem().ifNull().failWith(() -> DomainException.notFound("notice", id))
                        .chain(notice -> {
                            if (notice.status != NoticeStatus.DRAFT) {
                                return Uni.createFrom().failure(new DomainException("NOT_A_DRAFT",
                                        "notice " + id + " is " + notice.status + "; only a draft can be published"));
                            }
                            // Needs the stored author, so it runs here rather than before the read.
                            access.checkFourEyes(publisher, id, notice.createdBySubject);
                            notice.status = NoticeStatus.PUBLISHED;
                            notice.publishedBy = publisher.username();
                            notice.publishedBySubject = publisher.subject();
                            notice.publishedAt = OffsetDateTime.now();
                            AreaEventKind kind = AreaEventKind.of(notice.messageType);
                            return supersede(notice, publisher)
                                    .chain(() -> record(publisher, AuditAction.PUBLISH, notice.id, new JsonObject()
                                            .put("messageType", notice.messageType.name())
                                            .put("references", notice.referencesId)))
                                    // the events read the new statuses in SQL: written out first
                                    .chain(Panache::flush)
                                    .chain(() -> Panache.getSession())
                                    // the maintained risk map, under the same lock (in commit order), then the
                                    // events, which read the level in force from it
                                    .chain(session -> riskMap.published(session, id)
                                            .chain(() -> events.append(session, id, kind)))
                                    .map(written -> new Published(kind, written));
                        }))
                // counted once committed: a rolled-back publication wrote no event
                .invoke(published -> {
                    metrics.written(published.kind(), published.events());
                    riskMap.committed();
                })
                .replaceWith(id);
    }

    private Uni<Void> supersede(NoticeEntity correction, Caller publisher) {
        if (correction.messageType == MessageType.ALERT) {
            return Uni.createFrom().voidItem();
        }
        NoticeStatus newStatus = correction.messageType == MessageType.CANCEL
                ? NoticeStatus.CANCELLED : NoticeStatus.SUPERSEDED;
        return NoticeEntity.<NoticeEntity>findById(correction.referencesId, LockModeType.PESSIMISTIC_WRITE)
                .chain(earlier -> {
                    if (earlier == null || earlier.status != NoticeStatus.PUBLISHED) {
                        return Uni.createFrom().failure(new DomainException("REFERENCE_NOT_PUBLISHED",
                                "notice " + correction.referencesId + " is no longer a published notice; "
                                        + "it cannot be " + newStatus.name().toLowerCase()));
                    }
                    earlier.status = newStatus;
                    earlier.supersededBy = correction.id;
                    earlier.supersededOn = correction.effectiveDate;
                    return record(publisher,
                            correction.messageType == MessageType.CANCEL ? AuditAction.CANCEL : AuditAction.CORRECT,
                            correction.referencesId, new JsonObject()
                                    .put("by", String.valueOf(correction.id))
                                    .put("from", correction.effectiveDate.toString()));
                });
    }

    /** In the session of the publishing transaction, so the event and the change commit or fail together. */
    private Uni<Void> record(Caller actor, AuditAction action, long noticeId, JsonObject details) {
        return Panache.getSession()
                .chain(session -> audit.append(session, AuditEntry.of(actor, action, AuditEntry.NOTICE, noticeId, details)));
    }
}
