package org.epicontrol.roster.response;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A community's response to an area's level (table response, schema by Flyway V5): open until closed_at is set. */
@Entity
@Table(name = "response")
public class ResponseEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "community_id")
    public long communityId;

    @Column(name = "unit_id")
    public long unitId;

    @Column(name = "grid_id")
    public Long gridId;

    @Column(name = "area_id")
    public String areaId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_path")
    public String[] areaPath;

    @Column(name = "area_name")
    public String areaName;

    public String district;

    @Column(name = "level_code")
    public String levelCode;

    @Column(name = "plan_id")
    public long planId;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "last_sequence")
    public long lastSequence;

    @Column(name = "open_told")
    public boolean openTold;

    @Column(name = "close_told")
    public boolean closeTold;

    public boolean isOpen() {
        return closedAt == null;
    }
}
