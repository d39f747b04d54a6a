package org.epicontrol.roster.area;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.OnDuty;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.TaskQueries;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Field work at a notice area: the gateway joins these fields to notice-service's Area by its key. Resolving the key
 * is public (the gateway resolves any Area it is asked for); every field needs a signed-in user, since anonymous
 * callers see nothing of this service, and applies the rule of the objects it answers (RosterAccess): grid and posts
 * any staff, people on duty and household tasks only staff responsible for every post and task listed (else that
 * area's field is null with FORBIDDEN, the other areas of the batch and the rest of the answer stay intact).
 */
@GraphQLApi
public class AreaGraphQLApi {

    private final AreaFieldWork fieldWork;
    private final DutyPosts posts;
    private final Coverage coverage;
    private final TaskQueries tasks;
    private final RosterAccess access;

    public AreaGraphQLApi(AreaFieldWork fieldWork, DutyPosts posts, Coverage coverage, TaskQueries tasks,
                          RosterAccess access) {
        this.fieldWork = fieldWork;
        this.posts = posts;
        this.coverage = coverage;
        this.tasks = tasks;
        this.access = access;
    }

    /** Any area id is a valid reference: an area without field work simply has none. */
    @Resolver
    public List<Area> areasByIds(@Name("id") List<String> ids) {
        return ids.stream().map(Area::new).toList();
    }

    @Description("The grid whose workers answer for this area")
    public Uni<List<Grid>> responsibleGrid(@Source List<Area> areas) {
        return access.signedIn("Area.responsibleGrid").chain(() -> fieldWork.responsibleGrids(ids(areas)));
    }

    @Description("Posts guarding or serving this area")
    public Uni<List<List<DutyPost>>> dutyPosts(@Source List<Area> areas) {
        return access.signedIn("Area.dutyPosts").chain(() -> posts.ofAreas(ids(areas)))
                .chain(found -> access.visibleLists("Area.dutyPosts", Target.POST, found, DutyPost::numericId));
    }

    @Description("People on duty at this area's posts right now")
    public Uni<List<List<OnDuty>>> onDutyNow(@Source List<Area> areas) {
        return access.signedIn("Area.onDutyNow").chain(() -> coverage.onDutyAtAreas(ids(areas), OffsetDateTime.now()))
                .chain(found -> access.visibleStaffing("Area.onDutyNow", found, OnDuty::postId));
    }

    @Description("Household tasks still open for this area or the units linked to it")
    public Uni<List<List<Task>>> openTasks(@Source List<Area> areas) {
        return access.signedIn("Area.openTasks").chain(() -> tasks.openForAreas(ids(areas)))
                .chain(found -> access.visibleLists("Area.openTasks", Target.TASK, found, Task::numericId));
    }

    private static List<String> ids(List<Area> areas) {
        return areas.stream().map(Area::id).toList();
    }
}
