package org.epicontrol.roster.response.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A task a plan creates, once or daily (table response_plan_task). */
@Entity
@Table(name = "response_plan_task")
public class PlanTaskEntity extends PlanItemEntity {

    public String description;

    public boolean daily;
}
