package org.epicontrol.notice.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The lifecycle columns of a notice (draft, published, superseded). Bulk content — designations and areas — is
 * written by {@link NoticeStore} in set-based SQL; this entity never touches it.
 */
@Entity
@Table(name = "notice")
public class NoticeEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(insertable = false, updatable = false)
    public String issuer;

    @Column(insertable = false, updatable = false)
    public int year;

    @Column(insertable = false, updatable = false)
    public int number;

    @Column(name = "effective_date", insertable = false, updatable = false)
    public LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_type", insertable = false, updatable = false)
    public MessageType messageType;

    @Column(name = "references_id", insertable = false, updatable = false)
    public Long referencesId;

    @Column(name = "superseded_by")
    public Long supersededBy;

    @Column(name = "superseded_on")
    public LocalDate supersededOn;

    @Column(name = "created_by_subject", insertable = false, updatable = false)
    public String createdBySubject;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_by_subject")
    public String publishedBySubject;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
