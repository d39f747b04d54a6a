package org.epicontrol.roster.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * An alert addressed to an {@link Audience} over one org unit (table {@code alert}, migration V6): plain create, read
 * and update, so Hibernate Reactive Panache; the constraints (one alert per response or request, change and audience; one
 * escalation per alert; the audience's unit at its level) are the database's.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    @Column(name = "audience_unit_id")
    public long audienceUnitId;

    @Column(name = "community_id")
    public long communityId;

    @Column(name = "grid_id")
    public Long gridId;

    @Column(name = "district_id")
    public long districtId;

    /** The response it is about; null for an alert about a resident's request. */
    @Column(name = "response_id")
    public Long responseId;

    /** The resident's request it is about (issue 13); null for an alert about a response. */
    @Column(name = "request_id")
    public Long requestId;

    /** A request's escalation: 1 to the community's admins, 2 to the district's officers. */
    @Column(name = "request_level")
    public Integer requestLevel;

    @Column(name = "area_id")
    public String areaId;

    @Column(name = "area_name")
    public String areaName;

    public String level;

    public String message;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_by_subject")
    public String acknowledgedBySubject;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "escalation_of")
    public Long escalationOf;

    /** A time as the database keeps it (microseconds), so an answer given before and after storing is the same. */
    static OffsetDateTime stamp(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
