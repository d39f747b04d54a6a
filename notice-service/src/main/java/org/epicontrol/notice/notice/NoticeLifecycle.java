package org.epicontrol.notice.notice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;

import java.time.OffsetDateTime;

/** Draft → published; publishing an update or cancellation supersedes the notice it refers to. */
@ApplicationScoped
public class NoticeLifecycle {

    /** Returns the id of the notice it published. */
    public Uni<Long> publish(long id, String publisher) {
        return Panache.withTransaction(() -> NoticeEntity.<NoticeEntity>findById(id)
                .onItem().ifNull().failWith(() -> DomainException.notFound("notice", id))
                .chain(notice -> {
                    if (notice.status != NoticeStatus.DRAFT) {
                        return Uni.createFrom().failure(new DomainException("NOT_A_DRAFT",
                                "notice " + id + " is " + notice.status + "; only a draft can be published"));
                    }
                    // Guarded update: of two concurrent publishers exactly one wins.
                    return NoticeEntity.update("status = ?1, publishedBy = ?2, publishedAt = ?3 where id = ?4 and status = ?5",
                                    NoticeStatus.PUBLISHED, publisher, OffsetDateTime.now(), id, NoticeStatus.DRAFT)
                            .chain(updated -> updated == 0
                                    ? Uni.createFrom().failure(new DomainException("NOT_A_DRAFT",
                                            "notice " + id + " was published concurrently"))
                                    : supersede(notice))
                            .replaceWith(id);
                }));
    }

    private Uni<Void> supersede(NoticeEntity correction) {
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
                        : Uni.createFrom().voidItem());
    }
}
