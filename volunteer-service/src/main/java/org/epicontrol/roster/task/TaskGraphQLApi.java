package org.epicontrol.roster.task;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.OrgUnit;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;

import java.util.List;

@GraphQLApi
public class TaskGraphQLApi {

    private final Tasks tasks;
    private final OrgUnits units;
    private final Volunteers volunteers;
    private final PageRequest pages;
    private final RosterAccess access;

    public TaskGraphQLApi(Tasks tasks, OrgUnits units, Volunteers volunteers, PageRequest pages, RosterAccess access) {
        this.tasks = tasks;
        this.units = units;
        this.volunteers = volunteers;
        this.pages = pages;
        this.access = access;
    }

    @Mutation("createTask")
    @Description("Creates an OPEN task for a household (or a whole unit) of a grid or a building")
    public Uni<Task> createTask(@NonNull TaskInput input) {
        return Uni.createFrom().deferred(() -> access.manageTasks("createTask", Target.UNIT, Ids.parse(input.unitId()))
                .chain(permit -> tasks.create(input, permit)));
    }

    @Mutation("assignTask")
    @Description("OPEN → ASSIGNED. Of concurrent assignments of one task exactly one succeeds; the others are refused"
            + " with INVALID_TRANSITION")
    public Uni<Task> assignTask(@Id @NonNull String taskId, @Id @NonNull String volunteerId) {
        return Uni.createFrom().deferred(() -> access.manageTasks("assignTask", Target.TASK, Ids.parse(taskId))
                .map(permit -> permit.and(Target.VOLUNTEER, Ids.parse(volunteerId), AccessRules::mayAssignTo))
                .chain(permit -> tasks.assign(Ids.parse(taskId), Ids.parse(volunteerId), permit)));
    }

    @Mutation("completeTask")
    @Description("ASSIGNED → DONE")
    public Uni<Task> completeTask(@Id @NonNull String taskId) {
        return Uni.createFrom().deferred(() -> access.manageTasks("completeTask", Target.TASK, Ids.parse(taskId))
                .chain(permit -> tasks.complete(Ids.parse(taskId), permit)));
    }

    @Mutation("failTask")
    @Description("ASSIGNED → FAILED, saying why (nobody at home, refused, ...)")
    public Uni<Task> failTask(@Id @NonNull String taskId, @NonNull String reason) {
        return Uni.createFrom().deferred(() -> access.manageTasks("failTask", Target.TASK, Ids.parse(taskId))
                .chain(permit -> tasks.fail(Ids.parse(taskId), reason, permit)));
    }

    @Mutation("reopenTask")
    @Description("ASSIGNED or FAILED → OPEN, without assignee; a DONE task stays done")
    public Uni<Task> reopenTask(@Id @NonNull String taskId) {
        return Uni.createFrom().deferred(() -> access.manageTasks("reopenTask", Target.TASK, Ids.parse(taskId))
                .chain(permit -> tasks.reopen(Ids.parse(taskId), permit)));
    }

    @Query("tasks")
    @Description("Tasks of a unit and of every unit below it, oldest first")
    public Uni<TaskConnection> tasks(@Id @NonNull String unitId, TaskStatus status, Integer first, String after) {
        return Uni.createFrom().deferred(() -> access.readTasks("tasks", Target.UNIT, Ids.parse(unitId))
                .chain(() -> tasks.ofUnit(Ids.parse(unitId), status, pages.size(first), after)));
    }

    @Description("The grid or building the task belongs to")
    @NonNull
    public Uni<List<OrgUnit>> unit(@Source List<Task> list) {
        return units.byIds(list.stream().map(Task::unitId).toList(), null);
    }

    public Uni<List<Volunteer>> assignee(@Source List<Task> list) {
        return volunteers.byIds(list.stream().map(t -> t.assigneeId() == null ? 0L : t.assigneeId()).toList())
                .chain(found -> access.visible("Task.assignee", Target.VOLUNTEER, found, Volunteer::numericId));
    }
}
