package org.epicontrol.roster.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/**
 * A resident's request (table {@code resident_request}, migration V10), written through Hibernate Reactive Panache:
 * created, read and updated one at a time. The table's checks are the database's word on each status (an assignee
 * when ASSIGNED, closed_at with an outcome when DONE, with a reason when CANCELLED, a household of the community);
 * lists, figures and the escalation job's claims are SQL ({@link Requests}, {@link RequestEscalations}).
 */
@Entity
@Table(name = "resident_request")
public class ResidentRequestEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "community_id")
    public long communityId;

    @Column(name = "household_id")
    public Long householdId;

    @Enumerated(EnumType.STRING)
    public RequestKind kind;

    @Enumerated(EnumType.STRING)
    public RequestUrgency urgency;

    public String description;

    public String channel;

    @Column(name = "taken_by")
    public String takenBy;

    @Column(name = "taken_by_subject")
    public String takenBySubject;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "assignee_id")
    public Long assigneeId;

    @Column(name = "team_id")
    public Long teamId;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public String outcome;

    @Column(name = "cancel_reason")
    public String cancelReason;

    // moved by the escalation job (SQL) only
    @Column(name = "escalation_level", insertable = false, updatable = false)
    public int escalationLevel;

    @Version
    public int version;

    /** The request as the API shows it, overdue as of {@code now}. */
    ResidentRequest view(OffsetDateTime now) {
        return new ResidentRequest(String.valueOf(id), kind, urgency, description, channel, takenBy, receivedAt, dueAt,
                status, assignedAt, closedAt, outcome, cancelReason, escalationLevel,
                status.open() && dueAt.isBefore(now), communityId, householdId, assigneeId, teamId);
    }
}
