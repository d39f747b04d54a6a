package org.epicontrol.roster.response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.epicontrol.roster.area.LinkedUnit;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.feed.AreaEvent;
import org.epicontrol.roster.feed.AreaEventKind;
import org.epicontrol.roster.response.plan.ResponsePlan;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The response records themselves (Hibernate Reactive Panache): which response an area event opens, follows or
 * closes, each decision in one transaction with the area's open response locked. An event is applied once: its
 * sequence is kept on the response (last_sequence), and one at or below it changes nothing.
 */
@ApplicationScoped
class ResponseLedger {

    private static final String OPEN_OF_AREA = "areaId = ?1 and closedAt is null";

    private final RosterConfig roster;

    ResponseLedger(RosterConfig roster) {
        this.roster = roster;
    }

    /**
     * The area's level has a plan: its open response (opened now if it has none) follows the event. Answers the
     * response whose work must exist, or null when the area lies inside another area of the community that has an
     * open response (the event is noted there; a building inside a sealed compound gets no response of its own).
     */
    Uni<ResponseEntity> applyPlanned(AreaEvent event, LinkedUnit unit, ResponsePlan plan) {
        return Panache.withTransaction(() -> lockedOpen(event.areaId()).chain(open -> {
            if (open != null) {
                return follow(open, event, plan);
            }
            List<String> ancestors = event.areaPath().subList(0, event.areaPath().size() - 1);
            Uni<ResponseEntity> enclosing = ancestors.isEmpty() ? Uni.createFrom().nullItem()
                    : ResponseEntity.<ResponseEntity>find("areaId in ?1 and closedAt is null and communityId = ?2",
                    ancestors, unit.communityId()).firstResult();
            return enclosing.chain(outer -> outer != null
                    ? note(outer, event).replaceWith((ResponseEntity) null)
                    : create(event, unit, plan));
        }));
    }

    /**
     * The area's level has no plan (lowered, lifted, cancelled): its open response closes. Answers the response to
     * wind down: the one closed now, or the area's last one if a crash left its closing unfinished; else null.
     */
    Uni<ResponseEntity> applyUnplanned(AreaEvent event) {
        return Panache.withTransaction(() -> lockedOpen(event.areaId()).chain(open -> {
            if (open != null && event.sequence() > open.lastSequence) {
                open.closedAt = closingMoment(event);
                open.closeReason = reason(event);
                open.lastSequence = event.sequence();
                return note(open, event).replaceWith(open);
            }
            if (open != null) {
                return Uni.createFrom().nullItem();
            }
            return ResponseEntity.<ResponseEntity>find("areaId = ?1 order by id desc", event.areaId()).firstResult()
                    .map(last -> last != null && !last.closeTold ? last : null);
        }));
    }

    /** Records that listeners were told of the opening or the closing. */
    Uni<Void> told(long responseId, boolean closing) {
        return Panache.withTransaction(() -> ResponseEntity.update(
                (closing ? "closeTold" : "openTold") + " = true where id = ?1", responseId)).replaceWithVoid();
    }

    private static Uni<ResponseEntity> lockedOpen(String areaId) {
        return ResponseEntity.<ResponseEntity>find(OPEN_OF_AREA, areaId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A later event on an open response: noted, and a change between planned levels is followed. */
    private static Uni<ResponseEntity> follow(ResponseEntity open, AreaEvent event, ResponsePlan plan) {
        if (event.sequence() <= open.lastSequence) {
            return Uni.createFrom().item(open);
        }
        open.levelCode = event.levelInForce();
        open.planId = plan.numericId();
        open.lastSequence = event.sequence();
        return note(open, event).replaceWith(open);
    }

    private static Uni<ResponseEntity> create(AreaEvent event, LinkedUnit unit, ResponsePlan plan) {
        ResponseEntity r = new ResponseEntity();
        r.communityId = unit.communityId();
        r.unitId = Long.parseLong(unit.unit().id());
        r.gridId = unit.gridId();
        r.areaId = event.areaId();
        r.areaPath = event.areaPath().toArray(String[]::new);
        r.areaName = event.fullName();
        r.district = event.district();
        r.levelCode = event.levelInForce();
        r.planId = plan.numericId();
        r.effectiveDate = event.effectiveDate();
        r.openedAt = OffsetDateTime.now();
        r.lastSequence = event.sequence();
        return r.<ResponseEntity>persistAndFlush().call(created -> note(created, event));
    }

    /** The event among the response's notices, once. */
    private static Uni<Void> note(ResponseEntity response, AreaEvent event) {
        return DrivingNoticeEntity.count("responseId = ?1 and sequence = ?2 and areaId = ?3", response.id,
                event.sequence(), event.areaId()).chain(seen -> {
            if (seen > 0) {
                return Uni.createFrom().voidItem();
            }
            DrivingNoticeEntity n = new DrivingNoticeEntity();
            n.responseId = response.id;
            n.sequence = event.sequence();
            n.kind = event.kind().name();
            n.areaId = event.areaId();
            n.noticeId = event.noticeId();
            n.noticeNumber = event.noticeNumber();
            n.level = event.level();
            n.levelInForce = event.levelInForce();
            n.effectiveDate = event.effectiveDate();
            return n.persist().replaceWithVoid();
        });
    }

    /** From the start of the effective day in the city, or now if that has passed. */
    private OffsetDateTime closingMoment(AreaEvent event) {
        OffsetDateTime start = event.effectiveDate().atStartOfDay(roster.zone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now();
        return start.isAfter(now) ? start : now;
    }

    static String reason(AreaEvent event) {
        String what = event.kind() == AreaEventKind.CANCELLED ? "撤销" : event.kind() == AreaEventKind.CORRECTED ? "更正" : "";
        String level = event.levelInForce() == null ? "解除风险区" : "调整为" + event.levelInForce();
        return "第" + event.noticeNumber() + "号通告" + what + "：" + event.fullName() + level;
    }
}
