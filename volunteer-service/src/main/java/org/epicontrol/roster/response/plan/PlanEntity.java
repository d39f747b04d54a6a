package org.epicontrol.roster.response.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One version of a level's response plan (table response_plan, schema by Flyway V5). */
@Entity
@Table(name = "response_plan")
public class PlanEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "level_code")
    public String levelCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String description;

    @Column(name = "testing_rounds")
    public int testingRounds;

    @Column(name = "first_round_day")
    public int firstRoundDay;

    @Column(name = "round_interval_days")
    public int roundIntervalDays;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<PlanPostEntity> posts = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<PlanTaskEntity> tasks = new ArrayList<>();
}
