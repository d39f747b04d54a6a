package org.epicontrol.notice.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;

import java.time.OffsetDateTime;

/** Draft → published; publishing an update or cancellation supersedes the notice it refers to. */
@ApplicationScoped
public class NoticeLifecycle {

    private final NoticeAccess access;
    private final AuditStore audit;

    public NoticeLifecycle(NoticeAccess access, AuditStore audit) {
        this.access = access;
        this.audit = audit;
    }

    /** Returns the id of the notice it published. The caller's role was checked; four eyes is checked here. */
    public Uni<Long> publish(long id, Caller publisher) {
        return Panache.withTransaction(() -> NoticeEntity.<NoticeEntity>findById(id)
                .onItem().ifNull().failWith(() -> DomainException.notFound("notice", id))
                .chain(notice -> {
                    if (notice.status != NoticeStatus.DRAFT) {
                        return Uni.createFrom().failure(new DomainException("NOT_A_DRAFT",
                                "notice " + id + " is " + notice.status + "; only a draft can be published"));
                    }
                    // Needs the stored author, so it runs here rather than before the read.
                    access.checkFourEyes(publisher, id, notice.createdBySubject);
                    // Guarded update: of two concurrent publishers exactly one wins.
                    return NoticeEntity.update("status = ?1, publishedBy = ?2, publishedBySubject = ?3, publishedAt = ?4"
                                            + " where id = ?5 and status = ?6",
                                    NoticeStatus.PUBLISHED, publisher.username(), publisher.subject(),
                                    OffsetDateTime.now(), id, NoticeStatus.DRAFT)
                            .chain(updated -> updated == 0
                                    ? Uni.createFrom().failure(new DomainException("NOT_A_DRAFT",
                                            "notice " + id + " was published concurrently"))
                                    : supersede(notice, publisher))
                            .chain(() -> record(publisher, AuditAction.PUBLISH, notice.id, new JsonObject()
                                    .put("messageType", notice.messageType.name())
                                    .put("references", notice.referencesId)))
                            .replaceWith(id);
                }));
    }

    private Uni<Void> supersede(NoticeEntity correction, Caller publisher) {
        if (correction.messageType == MessageType.ALERT) {
            return Uni.createFrom().voidItem();
        }
        NoticeStatus newStatus = correction.messageType == MessageType.CANCEL
                ? NoticeStatus.CANCELLED : NoticeStatus.SUPERSEDED;
        return NoticeEntity.update("status = ?1, supersededBy = ?2, supersededOn = ?3 where id = ?4 and status = ?5",
                        newStatus, correction.id, correction.effectiveDate, correction.referencesId,
                        NoticeStatus.PUBLISHED)
                .chain(updated -> updated == 0
                        ? Uni.createFrom().failure(new DomainException("REFERENCE_NOT_PUBLISHED",
                                "notice " + correction.referencesId + " is no longer a published notice; "
                                        + "it cannot be " + newStatus.name().toLowerCase()))
                        : record(publisher,
                                correction.messageType == MessageType.CANCEL ? AuditAction.CANCEL : AuditAction.CORRECT,
                                correction.referencesId, new JsonObject()
                                        .put("by", String.valueOf(correction.id))
                                        .put("from", correction.effectiveDate.toString())));
    }

    /** In the session of the publishing transaction, so the event and the change commit or fail together. */
    private Uni<Void> record(Caller actor, AuditAction action, long noticeId, JsonObject details) {
        return Panache.getSession()
                .chain(session -> audit.append(session, AuditEntry.of(actor, action, AuditEntry.NOTICE, noticeId, details)));
    }
}
