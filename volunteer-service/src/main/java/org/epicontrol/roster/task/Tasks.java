package org.epicontrol.roster.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageInfo;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.org.OrgUnits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Tasks for households and their lifecycle. Every transition is one guarded UPDATE, so that of two concurrent
 * callers only one can win.
 */
@ApplicationScoped
public class Tasks {

    private static final String CURSOR = "task";
    private static final TaskCompletionListener NO_EFFECT = (tx, actor, task) -> Uni.createFrom().voidItem();

    private final Pool pool;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final Instance<TaskCompletionListener> completionListeners;

    public Tasks(Pool pool, OrgUnits units, AuditTrail audit, Instance<TaskCompletionListener> completionListeners) {
        this.pool = pool;
        this.units = units;
        this.audit = audit;
        this.completionListeners = completionListeners;
    }

    public Uni<Task> create(TaskInput input, Permit permit) {
        if (input.kind() == null) {
            throw DomainException.invalid("kind is required");
        }
        long unitId = Ids.parse(input.unitId());
        String household = Texts.optional(input.household(), 200, "household");
        String areaId = Texts.optional(input.areaId(), 100, "areaId");
        String description = Texts.optional(input.description(), 2000, "description");
        Map<String, Object> details = new HashMap<>();
        details.put("kind", input.kind().name());
        details.put("unitId", unitId);
        details.put("household", household);
        details.put("areaId", areaId);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("insert into task as t (kind, org_unit_id, household,"
                                + " area_id, description, due_at) select $1, o.id, $3, $4, $5, $6 from org_unit o"
                                + " where o.id = $2 and o.kind in ('GRID', 'BUILDING') returning " + TaskRows.COLUMNS)
                        .execute(Tuple.from(Arrays.asList(input.kind().name(), unitId, household, areaId, description,
                                input.dueAt())))
                        .map(rows -> rows.rowCount() == 1 ? TaskRows.map(rows.iterator().next()) : null)
                        .call(task -> task == null ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "CREATE_TASK", "Task", task.id(), details)))
                .chain(task -> task != null ? Uni.createFrom().item(task)
                        : units.byId(unitId, null).map(unit -> {
                            throw DomainException.invalid("a task is for a grid or a building; unit " + unitId
                                    + " is a " + unit.kind().name().toLowerCase(Locale.ROOT));
                        }));
    }

    /**
     * The task a response creates for one item of its plan (and day, for daily ones), once per (response, item): a
     * response's unit may be a community, grid or building. Answers the task, new or found.
     */
    public Uni<Task> openForResponse(TaskInput input, long responseId, String item, Permit permit) {
        long unitId = Ids.parse(input.unitId());
        String description = Texts.optional(input.description(), 2000, "description");
        String sql = "insert into task as t (kind, org_unit_id, area_id, description, due_at, response_id, response_item)"
                + " values ($1, $2, $3, $4, $5, $6, $7)"
                + " on conflict (response_id, response_item) where response_id is not null do nothing returning "
                + TaskRows.COLUMNS;
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                .execute(Tuple.from(Arrays.asList(input.kind().name(), unitId, input.areaId(), description,
                        input.dueAt(), responseId, item)))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return tx.preparedQuery("select " + TaskRows.COLUMNS + " from task t where t.response_id = $1"
                                + " and t.response_item = $2").execute(Tuple.of(responseId, item))
                                .map(found -> TaskRows.map(found.iterator().next()));
                    }
                    Task task = TaskRows.map(rows.iterator().next());
                    return audit.record(tx, actor, "CREATE_TASK", "Task", task.id(),
                            Map.of("kind", input.kind().name(), "unitId", unitId, "responseId", responseId, "item", item))
                            .replaceWith(task);
                }));
    }

    /**
     * In {@code tx}: a door-to-door task for each household of testing round {@code roundId}, once per (round,
     * household) (the unique index {@code task_per_round_household}: a task that exists is kept, whatever its status).
     * Answers the round's tasks of those households, new and found, in creation order.
     */
    public Uni<List<Task>> openForRound(SqlClient tx, Actor actor, long roundId, String areaId, String description,
                                        List<RoundTask> wanted) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] households = wanted.stream().map(RoundTask::householdId).toArray(Long[]::new);
        String insert = "insert into task (kind, org_unit_id, household, area_id, description, household_id,"
                + " testing_round_id) select 'DOOR_TO_DOOR_TESTING', w.building_id, w.label, $2, $3, w.household_id, $1"
                + " from unnest($4::bigint[], $5::bigint[], $6::text[]) with ordinality as w(household_id, building_id,"
                + " label, n) order by w.n on conflict (testing_round_id, household_id) where testing_round_id is not null do nothing"
                + " returning id";
        return tx.preparedQuery(insert).execute(Tuple.from(Arrays.asList(roundId, areaId, description, households,
                        wanted.stream().map(RoundTask::buildingId).toArray(Long[]::new),
                        wanted.stream().map(RoundTask::household).toArray(String[]::new))))
                .chain(created -> created.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : audit.record(tx, actor, "CREATE_ROUND_TASKS", "TestingRound", roundId,
                                Map.of("created", created.rowCount(), "households", wanted.size())))
                .chain(() -> tx.preparedQuery("select " + TaskRows.COLUMNS + " from task t where t.testing_round_id = $1"
                                + " and t.household_id = any($2) order by t.id")
                        .execute(Tuple.of(roundId, households)))
                .map(rows -> {
                    List<Task> found = new ArrayList<>();
                    rows.forEach(row -> found.add(TaskRows.map(row)));
                    return found;
                });
    }

    /** Cancels, in {@code tx}, a response's tasks not yet done (OPEN or ASSIGNED); answers how many. */
    public Uni<Integer> cancelOfResponse(SqlClient tx, long responseId, String reason) {
        return tx.preparedQuery("update task set status = 'CANCELLED', cancel_reason = $2, updated_at = now()"
                        + " where response_id = $1 and status in ('OPEN', 'ASSIGNED')")
                .execute(Tuple.of(responseId, reason)).map(rows -> rows.rowCount());
    }

    /** Tasks of each response, in creation order. */
    public Uni<List<List<Task>>> ofResponses(List<Long> responseIds) {
        return pool.preparedQuery("select " + TaskRows.COLUMNS + " from task t where t.response_id = any($1) order by t.id")
                .execute(Tuple.of((Object) responseIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, List<Task>> byResponse = new HashMap<>();
                    for (Row row : rows) {
                        Task task = TaskRows.map(row);
                        byResponse.computeIfAbsent(task.responseId(), k -> new ArrayList<>()).add(task);
                    }
                    return responseIds.stream().map(id -> byResponse.getOrDefault(id, List.of())).toList();
                });
    }

    public Uni<Task> assign(long taskId, long volunteerId, Permit permit) {
        return transition(taskId, "assigned", List.of(TaskStatus.OPEN),
                "status = 'ASSIGNED', assignee_id = $3",
                " and exists (select 1 from volunteer v where v.id = $3 and v.active)", volunteerId, permit, "ASSIGN_TASK",
                NO_EFFECT)
                .onItem().ifNull().switchTo(() -> pool.preparedQuery("select active from volunteer where id = $1")
                        .execute(Tuple.of(volunteerId))
                        .map(rows -> {
                            if (rows.size() == 0) {
                                throw DomainException.notFound("volunteer", volunteerId);
                            }
                            throw DomainException.invalid("volunteer " + volunteerId + " is not active");
                        }));
    }

    /** ASSIGNED → DONE; every {@link TaskCompletionListener} is told in the same transaction. */
    public Uni<Task> complete(long taskId, Permit permit) {
        return transition(taskId, "completed", List.of(TaskStatus.ASSIGNED), "status = 'DONE'", "", null, permit,
                "COMPLETE_TASK", this::completed);
    }

    private Uni<Void> completed(SqlClient tx, Actor actor, Task task) {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (TaskCompletionListener listener : completionListeners) {
            told = told.chain(() -> listener.completed(tx, actor, task));
        }
        return told;
    }

    public Uni<Task> fail(long taskId, String reason, Permit permit) {
        String why = Texts.required(reason, 500, "reason");
        return transition(taskId, "failed", List.of(TaskStatus.ASSIGNED),
                "status = 'FAILED', failure_reason = $3", "", why, permit, "FAIL_TASK", NO_EFFECT);
    }

    /** Back to OPEN for somebody else: the assignee and the failure reason go. */
    public Uni<Task> reopen(long taskId, Permit permit) {
        return transition(taskId, "reopened", List.of(TaskStatus.ASSIGNED, TaskStatus.FAILED),
                "status = 'OPEN', assignee_id = null, failure_reason = null", "", null, permit, "REOPEN_TASK",
                NO_EFFECT);
    }

    /**
     * Moves a task that is in one of {@code from}; the status test is in the UPDATE itself, so of two concurrent
     * callers the second finds the row changed and is refused. Emits null only when the task was in a right status
     * but {@code extraCondition} failed.
     */
    private Uni<Task> transition(long taskId, String verb, List<TaskStatus> from, String set, String extraCondition,
                                 Object argument, Permit permit, String action, TaskCompletionListener effect) {
        String[] statuses = from.stream().map(Enum::name).toArray(String[]::new);
        List<Object> args = new ArrayList<>(Arrays.asList(taskId, statuses));
        if (argument != null) {
            args.add(argument);
        }
        // the refusal is read through the same connection: a transaction never waits for a second one from the pool
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update task as t set " + set + ", updated_at = now()"
                                + " where t.id = $1 and t.status = any($2)" + extraCondition + " returning " + TaskRows.COLUMNS)
                        .execute(Tuple.from(args))
                        .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(TaskRows.map(rows.iterator().next()))
                                : refusal(tx, taskId, verb, from))
                        .call(task -> task == null ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, action, "Task", taskId, transitionDetails(task, argument))
                                        .chain(() -> effect.completed(tx, actor, task))));
    }

    private static Map<String, Object> transitionDetails(Task task, Object argument) {
        Map<String, Object> details = new HashMap<>();
        details.put("status", task.status().name());
        details.put("assigneeId", task.assigneeId());
        if (argument instanceof String reason) {
            details.put("reason", reason);
        }
        return details;
    }

    private Uni<Task> refusal(SqlClient tx, long taskId, String verb, List<TaskStatus> from) {
        return tx.preparedQuery("select status from task where id = $1").execute(Tuple.of(taskId)).map(rows -> {
            if (rows.size() == 0) {
                throw DomainException.notFound("task", taskId);
            }
            TaskStatus status = TaskStatus.valueOf(rows.iterator().next().getString("status"));
            if (!from.contains(status)) {
                throw new DomainException("INVALID_TRANSITION", "task " + taskId + " is " + status + "; only a task that is "
                        + from.stream().map(Enum::name).collect(Collectors.joining(" or ")) + " can be " + verb);
            }
            return null;
        });
    }

    /** Tasks of a unit and of every unit below it, in creation order. */
    public Uni<TaskConnection> ofUnit(long unitId, TaskStatus status, int first, String after) {
        long afterId = afterId(after);
        return units.byId(unitId, null).chain(unit -> pool.preparedQuery("select " + TaskRows.COLUMNS
                        + " from task t join org_unit o on o.id = t.org_unit_id"
                        + " where o.path_ids @> array[$1::bigint] and ($2::text is null or t.status = $2)"
                        + " and t.id > $3 order by t.id limit $4")
                .execute(Tuple.of(unitId, status == null ? null : status.name(), afterId, first + 1))
                .map(rows -> page(rows, first)));
    }

    private static long afterId(String after) {
        Long id = Cursor.decodeId(CURSOR, after);
        return id == null ? 0 : id;
    }

    private static TaskConnection page(RowSet<Row> rows, int first) {
        List<TaskConnection.Edge> edges = new ArrayList<>();
        for (Row row : rows) {
            Task task = TaskRows.map(row);
            edges.add(new TaskConnection.Edge(Cursor.encode(CURSOR, task.id()), task));
        }
        boolean more = edges.size() > first;
        if (more) {
            edges = edges.subList(0, first);
        }
        return new TaskConnection(List.copyOf(edges),
                new PageInfo(more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
