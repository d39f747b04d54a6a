package org.epicontrol.roster.response;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** An area event (a notice's designation, correction or cancellation) applied to a response (table response_notice). */
@Entity
@Table(name = "response_notice")
public class DrivingNoticeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "response_id")
    public long responseId;

    public long sequence;

    public String kind;

    @Column(name = "area_id")
    public String areaId;

    @Column(name = "notice_id")
    public String noticeId;

    @Column(name = "notice_number")
    public int noticeNumber;

    public String level;

    @Column(name = "level_in_force")
    public String levelInForce;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;
}
