package org.epicontrol.roster.area;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.OnDuty;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.TaskQueries;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Field work at notice areas, following notice-service's area tree (each area with its path, {@link AreaRef}): what
 * is linked to an area answers for every area inside it. One query per field for a whole batch of areas, however
 * many: the areas' paths are looked up together and gathered per area ({@link AlongPaths}).
 */
@ApplicationScoped
public class AreaFieldWork {

    private final AreaUnits units;
    private final DutyPosts posts;
    private final Coverage coverage;
    private final TaskQueries tasks;

    public AreaFieldWork(AreaUnits units, DutyPosts posts, Coverage coverage, TaskQueries tasks) {
        this.units = units;
        this.posts = posts;
        this.coverage = coverage;
        this.tasks = tasks;
    }

    /** The grid of the unit answering for each area (the most specific linked unit: {@link AreaUnits}); else null. */
    public Uni<List<Grid>> responsibleGrids(List<AreaRef> areas) {
        return units.grids(areas).map(found -> areas.stream()
                .map(a -> found.get(a.areaId()) == null ? null : Grid.of(found.get(a.areaId()))).toList());
    }

    /** Posts linked to each area or to any area containing it: the area's own first, then outwards. */
    public Uni<List<List<DutyPost>>> dutyPosts(List<AreaRef> areas) {
        List<String> ids = AlongPaths.ids(areas);
        return posts.ofAreas(ids).map(found -> AlongPaths.gather(areas, ids, found, (on, post) -> true));
    }

    /** People on duty now at the posts {@link #dutyPosts} lists. */
    public Uni<List<List<OnDuty>>> onDutyNow(List<AreaRef> areas, OffsetDateTime now) {
        List<String> ids = AlongPaths.ids(areas);
        return coverage.onDutyAtAreas(ids, now).map(found -> AlongPaths.gather(areas, ids, found, (on, duty) -> true));
    }

    /**
     * Open tasks of each area: those naming the area or an area containing it (work on a whole compound is work on
     * each of its buildings), and those of the units linked to the area itself and below them. A unit linked to an
     * ancestor does not bring its tasks: they are spread over the ancestor's other parts too.
     */
    public Uni<List<List<Task>>> openTasks(List<AreaRef> areas) {
        List<String> ids = AlongPaths.ids(areas);
        return tasks.openForAreas(ids).map(found -> AlongPaths.gather(areas, ids, found,
                (on, task) -> Objects.equals(on, task.areaId())));
    }
}
