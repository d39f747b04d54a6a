package org.epicontrol.roster.area;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.OnDuty;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.TaskQueries;

import java.time.OffsetDateTime;
import java.util.List;

/** Field work at a notice area: the gateway joins these fields to notice-service's Area by its key. */
@GraphQLApi
public class AreaGraphQLApi {

    private final AreaFieldWork fieldWork;
    private final DutyPosts posts;
    private final Coverage coverage;
    private final TaskQueries tasks;

    public AreaGraphQLApi(AreaFieldWork fieldWork, DutyPosts posts, Coverage coverage, TaskQueries tasks) {
        this.fieldWork = fieldWork;
        this.posts = posts;
        this.coverage = coverage;
        this.tasks = tasks;
    }

    /** Any area id is a valid reference: an area without field work simply has none. */
    @Resolver
    public List<Area> areasByIds(@Name("id") List<String> ids) {
        return ids.stream().map(Area::new).toList();
    }

    @Description("The grid whose workers answer for this area")
    public Uni<List<Grid>> responsibleGrid(@Source List<Area> areas) {
        return fieldWork.responsibleGrids(ids(areas));
    }

    @Description("Posts guarding or serving this area")
    public Uni<List<List<DutyPost>>> dutyPosts(@Source List<Area> areas) {
        return posts.ofAreas(ids(areas));
    }

    @Description("People on duty at this area's posts right now")
    public Uni<List<List<OnDuty>>> onDutyNow(@Source List<Area> areas) {
        return coverage.onDutyAtAreas(ids(areas), OffsetDateTime.now());
    }

    @Description("Household tasks still open for this area or the units linked to it")
    public Uni<List<List<Task>>> openTasks(@Source List<Area> areas) {
        return tasks.openForAreas(ids(areas));
    }

    private static List<String> ids(List<Area> areas) {
        return areas.stream().map(Area::id).toList();
    }
}
