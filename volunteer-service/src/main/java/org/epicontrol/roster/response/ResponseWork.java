package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.post.DutyPostInput;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.post.PostClosure;
import org.epicontrol.roster.response.plan.PlannedPost;
import org.epicontrol.roster.response.plan.PlannedTask;
import org.epicontrol.roster.response.plan.ResponsePlan;
import org.epicontrol.roster.shift.RotationInput;
import org.epicontrol.roster.shift.Shifts;
import org.epicontrol.roster.task.TaskInput;
import org.epicontrol.roster.task.Tasks;
import org.epicontrol.roster.testing.TestingRounds;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The work a response sets up from its plan (posts with their shifts, testing rounds, tasks) and winds down when it
 * closes. Every step is keyed by the response and the plan item (and day), so running it again after a crash in the
 * middle completes what is missing and duplicates nothing. Written by the service itself ({@link RosterAccess#system}).
 */
@ApplicationScoped
class ResponseWork {

    private static final String OPERATION = "responses";

    private final Pool pool;
    private final DutyPosts posts;
    private final PostClosure closure;
    private final Shifts shifts;
    private final TestingRounds rounds;
    private final Tasks tasks;
    private final RosterAccess access;
    private final AuditTrail audit;
    private final RosterConfig roster;
    private final ResponsesConfig config;

    ResponseWork(Pool pool, DutyPosts posts, PostClosure closure, Shifts shifts, TestingRounds rounds, Tasks tasks,
                 RosterAccess access, AuditTrail audit, RosterConfig roster, ResponsesConfig config) {
        this.pool = pool;
        this.posts = posts;
        this.closure = closure;
        this.shifts = shifts;
        this.rounds = rounds;
        this.tasks = tasks;
        this.access = access;
        this.audit = audit;
        this.roster = roster;
        this.config = config;
    }

    /** Posts and their shifts, testing rounds and tasks of the plan; what exists already is kept. */
    Uni<Void> setUp(ResponseEntity response, ResponsePlan plan) {
        Permit permit = access.system(OPERATION, Target.RESPONSE, response.id);
        LocalDate today = LocalDate.now(roster.zone());
        LocalDate firstDay = response.effectiveDate.isAfter(today) ? response.effectiveDate : today;
        int days = (int) Math.max(1, Math.min(62, config.shiftHorizon().toDays()));
        Uni<Void> work = Uni.createFrom().voidItem();
        for (PlannedPost post : plan.posts()) {
            work = work.chain(() -> openPost(response, post, firstDay, days, permit));
        }
        List<String> keys = plan.posts().stream().map(PlannedPost::key).toList();
        return work.chain(() -> closeOtherPosts(response, keys, permit))
                .chain(() -> rounds.schedule(response.id, response.areaId, response.unitId, roundDates(response, plan),
                        permit))
                .chain(() -> openTasks(response, plan, firstDay, days, permit));
    }

    /** Posts closed and their shifts from the closing on cancelled, open tasks and rounds not yet done cancelled. */
    Uni<Void> windDown(ResponseEntity response) {
        Permit permit = access.system(OPERATION, Target.RESPONSE, response.id);
        String reason = response.closeReason;
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("select id from duty_post"
                        + " where response_id = $1 and active_until is null").execute(Tuple.of(response.id))
                .chain(rows -> {
                    List<Long> open = new ArrayList<>();
                    rows.forEach(r -> open.add(r.getLong("id")));
                    return closure.close(tx, open, response.closedAt, reason);
                })
                .chain(closed -> tasks.cancelOfResponse(tx, response.id, reason)
                        .chain(cancelledTasks -> rounds.cancelOfResponse(tx, response.id, reason)
                                .chain(cancelledRounds -> audit.record(tx, actor, "CLOSE_RESPONSE", "Response",
                                        response.id, Map.of("reason", reason, "posts", closed.posts().size(),
                                                "shifts", closed.shifts().size(), "tasks", cancelledTasks,
                                                "testingRounds", cancelledRounds))))));
    }

    private Uni<Void> openPost(ResponseEntity response, PlannedPost post, LocalDate firstDay, int days, Permit permit) {
        OffsetDateTime activeFrom = firstDay.atTime(post.dayStartsAt()).atZone(roster.zone()).toOffsetDateTime();
        DutyPostInput input = new DutyPostInput(String.valueOf(response.communityId),
                post.nameFor(response.areaName, response.id), post.kind(), post.headcount(), post.allowedKinds(),
                post.requiredSkill(), post.aroundTheClock(), response.areaId, null, activeFrom);
        return posts.openForResponse(input, response.id, post.key(), permit).chain(postId ->
                shifts.ofPosts(List.of(postId), activeFrom, activeFrom.plusDays(days)).chain(existing -> {
                    // generated all or nothing (one transaction): a post with shifts has its rotation
                    if (!existing.get(0).isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    RotationInput rotation = new RotationInput(String.valueOf(postId), firstDay, days,
                            post.shiftHours(), post.dayStartsAt(), post.headcount());
                    return shifts.generate(rotation, permit).replaceWithVoid();
                }));
    }

    /** After a change between planned levels: posts of items the new plan does not have close. */
    private Uni<Void> closeOtherPosts(ResponseEntity response, List<String> keys, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("select id from duty_post where response_id = $1"
                        + " and active_until is null and not (response_item = any($2))")
                .execute(Tuple.of(response.id, keys.toArray(String[]::new)))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong("id")));
                    return closure.close(tx, ids, OffsetDateTime.now(), "响应方案调整为" + response.levelCode);
                })).replaceWithVoid();
    }

    private static List<LocalDate> roundDates(ResponseEntity response, ResponsePlan plan) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < plan.testingRounds(); i++) {
            dates.add(response.effectiveDate.plusDays(plan.firstRoundDay() + (long) i * plan.roundIntervalDays()));
        }
        return dates;
    }

    private Uni<Void> openTasks(ResponseEntity response, ResponsePlan plan, LocalDate firstDay, int days, Permit permit) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (PlannedTask task : plan.tasks()) {
            int count = task.daily() ? days : 1;
            for (int d = 0; d < count; d++) {
                LocalDate day = firstDay.plusDays(d);
                String item = task.daily() ? task.key() + "@" + day : task.key();
                OffsetDateTime due = task.daily() ? day.plusDays(1).atStartOfDay(roster.zone()).toOffsetDateTime() : null;
                TaskInput input = new TaskInput(task.kind(), String.valueOf(response.unitId), null, response.areaId,
                        task.description(), due);
                work = work.chain(() -> tasks.openForResponse(input, response.id, item, permit).replaceWithVoid());
            }
        }
        return work;
    }
}
