package org.epicontrol.roster.response.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalTime;

/** A post a plan opens, with its rotation (table response_plan_post). */
@Entity
@Table(name = "response_plan_post")
public class PlanPostEntity extends PlanItemEntity {

    @Column(name = "name_template")
    public String nameTemplate;

    @Column(name = "around_the_clock")
    public boolean aroundTheClock;

    @Column(name = "shift_hours")
    public int shiftHours;

    @Column(name = "day_starts_at")
    public LocalTime dayStartsAt;

    public int headcount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_kinds")
    public String[] allowedKinds = new String[0];

    @Column(name = "required_skill")
    public String requiredSkill;
}
