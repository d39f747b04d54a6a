package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.people.Volunteer;

import java.util.List;

// Batch fields take no arguments: SmallRye batches aliases of one field together, whatever their arguments.
@GraphQLApi
public class ResponsibilityGraphQLApi {

    private final Responsibilities responsibilities;
    private final RosterAccess access;

    public ResponsibilityGraphQLApi(Responsibilities responsibilities, RosterAccess access) {
        this.responsibilities = responsibilities;
        this.access = access;
    }

    @Mutation("assignResponsibility")
    @Description("Makes a person responsible for a grid or a building; a person may hold several. Assigning again"
            + " changes nothing.")
    public Uni<OrgUnit> assignResponsibility(@Id @NonNull String unitId, @Id @NonNull String volunteerId,
                                             @Description("GRID_WORKER, COMMUNITY_CADRE, TOWNSHIP_CADRE, VOLUNTEER,"
                                                     + " VILLAGE_DOCTOR, BUILDING_CAPTAIN ...")
                                             @DefaultValue(Responsibilities.GRID_WORKER) String role) {
        return Uni.createFrom().deferred(() -> access.manage("assignResponsibility", Target.UNIT, Ids.parse(unitId))
                .map(permit -> permit.and(Target.VOLUNTEER, Ids.parse(volunteerId), AccessRules::mayManage))
                .chain(permit -> responsibilities.assign(Ids.parse(unitId), Ids.parse(volunteerId), role, permit)));
    }

    @Name("responsibleWorkers")
    @Description("People responsible for this grid in any role (see responsibilities for the roles)")
    @NonNull
    public Uni<List<@NonNull List<@NonNull Volunteer>>> gridResponsibleWorkers(@Source List<Grid> grids) {
        List<Long> ids = grids.stream().map(g -> Long.parseLong(g.id())).toList();
        return access.unitPeople("Grid.responsibleWorkers", ids, responsibilities::holdersOf, Volunteer::numericId);
    }

    @Name("responsibleWorkers")
    @Description("People responsible for this unit itself (not for units below it) in any role")
    @NonNull
    public Uni<List<@NonNull List<@NonNull Volunteer>>> unitResponsibleWorkers(@Source List<OrgUnit> units) {
        List<Long> ids = units.stream().map(OrgUnit::numericId).toList();
        return access.unitPeople("OrgUnit.responsibleWorkers", ids, responsibilities::holdersOf, Volunteer::numericId);
    }

    @Name("responsibilities")
    @NonNull
    public Uni<List<@NonNull List<@NonNull Responsibility>>> gridResponsibilities(@Source List<Grid> grids) {
        List<Long> ids = grids.stream().map(g -> Long.parseLong(g.id())).toList();
        return access.unitPeople("Grid.responsibilities", ids, responsibilities::of, r -> r.volunteer().numericId());
    }

    @Name("responsibilities")
    @Description("Who answers for this unit itself, and in which role")
    @NonNull
    public Uni<List<@NonNull List<@NonNull Responsibility>>> unitResponsibilities(@Source List<OrgUnit> units) {
        List<Long> ids = units.stream().map(OrgUnit::numericId).toList();
        return access.unitPeople("OrgUnit.responsibilities", ids, responsibilities::of, r -> r.volunteer().numericId());
    }
}
