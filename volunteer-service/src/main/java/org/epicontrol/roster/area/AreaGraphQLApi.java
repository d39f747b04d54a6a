package org.epicontrol.roster.area;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Requires;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.coverage.OnDuty;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.task.Task;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Field work at a notice area: the gateway joins these fields to notice-service's Area by its key, and hands over the
 * area's {@code pathIds} (notice-service's, {@code @requires}) so that each field follows the area tree: what is
 * linked to an area answers for every area inside it ({@link AreaFieldWork}). Resolving the key is public (the
 * gateway resolves any Area it is asked for); every field needs a signed-in user, since anonymous callers see nothing
 * of this service, and applies the rule of the objects it answers (RosterAccess): grid and posts any staff, people on
 * duty and household tasks only staff responsible for every post and task listed (else that area's field is null
 * with FORBIDDEN, the other areas of the batch and the rest of the answer stay intact).
 */
@GraphQLApi
public class AreaGraphQLApi {

    private static final String PATH = "pathIds";

    private final AreaFieldWork fieldWork;
    private final RosterAccess access;

    public AreaGraphQLApi(AreaFieldWork fieldWork, RosterAccess access) {
        this.fieldWork = fieldWork;
        this.access = access;
    }

    /**
     * The key alone (fields that need no tree): any area id is a valid reference, without field work it has none.
     * Without its ancestry the area stands for itself only, and its path (should anyone ask this subgraph for the
     * external field) is the area alone, never null for the non-null field.
     */
    @Resolver
    public List<Area> areasByIds(@Name("id") List<String> ids) {
        return ids.stream().map(Area::byKey).toList();
    }

    /**
     * The key and the path the fields below {@code @requires}: SmallRye picks an entity resolver by the exact set of
     * a representation's fields, and with batch resolving on hands it one list per field for the whole batch.
     */
    @Resolver
    public List<Area> areasByPaths(@Name("id") List<String> ids, @Name(PATH) List<List<String>> paths) {
        List<Area> areas = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<String> path = paths.get(i);
            if (path != null && !path.isEmpty() && !ids.get(i).equals(path.get(path.size() - 1))) {
                throw DomainException.invalid("pathIds of area " + ids.get(i) + " must end with the area itself, was "
                        + path);
            }
            areas.add(new Area(ids.get(i), path));
        }
        return areas;
    }

    @Description("The grid whose workers answer for this area: the grid of the most specific unit linked to the area"
            + " or to an area containing it")
    @Requires(fields = @FieldSet(PATH))
    public Uni<List<Grid>> responsibleGrid(@Source List<Area> areas) {
        return access.signedIn("Area.responsibleGrid").chain(() -> fieldWork.responsibleGrids(refs(areas)));
    }

    @Description("Posts guarding or serving this area or an area containing it, the area's own first")
    @Requires(fields = @FieldSet(PATH))
    public Uni<List<List<DutyPost>>> dutyPosts(@Source List<Area> areas) {
        return access.signedIn("Area.dutyPosts").chain(() -> fieldWork.dutyPosts(refs(areas)))
                .chain(found -> access.visibleLists("Area.dutyPosts", Target.POST, found, DutyPost::numericId));
    }

    @Description("People on duty right now at the posts of this area or of an area containing it")
    @Requires(fields = @FieldSet(PATH))
    public Uni<List<List<OnDuty>>> onDutyNow(@Source List<Area> areas) {
        return access.signedIn("Area.onDutyNow").chain(() -> fieldWork.onDutyNow(refs(areas), OffsetDateTime.now()))
                .chain(found -> access.visibleStaffing("Area.onDutyNow", found, OnDuty::postId));
    }

    @Description("Household tasks still open for this area or an area containing it, or for the units linked to this"
            + " area and below them")
    @Requires(fields = @FieldSet(PATH))
    public Uni<List<List<Task>>> openTasks(@Source List<Area> areas) {
        return access.signedIn("Area.openTasks").chain(() -> fieldWork.openTasks(refs(areas)))
                .chain(found -> access.visibleLists("Area.openTasks", Target.TASK, found, Task::numericId));
    }

    private static List<AreaRef> refs(List<Area> areas) {
        return areas.stream().map(Area::ref).toList();
    }
}
