package org.epicontrol.roster.household;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnit;
import org.epicontrol.roster.org.OrgUnits;

import java.util.List;

/** The household register: reads (AccessRules.mayReadHousehold), residents' contacts, import and edits. */
@GraphQLApi
public class HouseholdGraphQLApi {

    private final Households households;
    private final HouseholdRegister register;
    private final HouseholdImporter importer;
    private final OrgUnits units;
    private final RosterAccess access;
    private final PageRequest pages;

    public HouseholdGraphQLApi(Households households, HouseholdRegister register, HouseholdImporter importer,
                               OrgUnits units, RosterAccess access, PageRequest pages) {
        this.households = households;
        this.register = register;
        this.importer = importer;
        this.units = units;
        this.access = access;
        this.pages = pages;
    }

    @Query("household")
    public Uni<Household> household(@Id @NonNull String id) {
        long household = Ids.parse(id);
        return access.readObject("household", Target.HOUSEHOLD, household)
                .chain(() -> households.byIds(List.of(household)).map(list -> list.get(0)));
    }

    @Query("households")
    @Description("Households of a unit (community, grid or building) and below, by building, unit, room; need: the"
            + " special-groups ledger")
    public Uni<@NonNull HouseholdConnection> households(@Id @NonNull String unitId, HouseholdNeed need,
                                                        @DefaultValue("50") Integer first, String after) {
        long unit = Ids.parse(unitId);
        int size = pages.size(first);
        return access.readHouseholds("households", unit).chain(() -> households.under(unit, need, size, after));
    }

    @Mutation("importHouseholds")
    @Description("CSV of one community; all rows or nothing; header: building,unit,room,head_count,contact_name,"
            + "contact_phone,needs,address,note (or 楼栋,单元,门牌,人数,联系人,电话,特殊群体,地址,备注). A door already in"
            + " the register (building, unit, room) is updated, a new one created; building: a building's name, or"
            + " grid/building where two grids have one of that name; needs separated by ';'")
    public Uni<@NonNull HouseholdImportReport> importHouseholds(@Id @NonNull String communityId, @NonNull String csv) {
        long community = Ids.parse(communityId);
        return access.manage("importHouseholds", Target.UNIT, community)
                .chain(permit -> importer.importCsv(community, csv, permit));
    }

    @Mutation("createHousehold")
    public Uni<@NonNull Household> createHousehold(@NonNull HouseholdInput input) {
        long building = Ids.parse(input.buildingId());
        return access.write("createHousehold", RosterAccess.FIELD_STAFF, Target.UNIT, building,
                AccessRules::mayEditHousehold).chain(permit -> register.create(building, input, permit));
    }

    @Mutation("updateHousehold")
    @Description("Replaces the household's values; moving it to another building needs the right to edit both")
    public Uni<@NonNull Household> updateHousehold(@Id @NonNull String id, @NonNull HouseholdInput input) {
        long household = Ids.parse(id);
        long building = Ids.parse(input.buildingId());
        return access.write("updateHousehold", RosterAccess.FIELD_STAFF, Target.HOUSEHOLD, household,
                        AccessRules::mayEditHousehold)
                .map(permit -> permit.and(Target.UNIT, building, AccessRules::mayEditHousehold))
                .chain(permit -> register.update(household, building, input, permit));
    }

    @Mutation("removeHousehold")
    @Description("Marks the household inactive (moved away, merged); it stays for the rounds and requests naming it")
    public Uni<@NonNull Household> removeHousehold(@Id @NonNull String id, @NonNull String reason) {
        long household = Ids.parse(id);
        return access.write("removeHousehold", RosterAccess.FIELD_STAFF, Target.HOUSEHOLD, household,
                AccessRules::mayEditHousehold).chain(permit -> register.remove(household, reason, permit));
    }

    // The organisation tree is for anyone signed in, and the household was already shown to the caller.
    @Name("building")
    public Uni<List<@NonNull OrgUnit>> householdBuilding(@Source List<Household> list) {
        return units.byIds(list.stream().map(Household::buildingId).toList(), OrgKind.BUILDING);
    }

    @Name("contactName")
    @Description("Personal data: for the community's admins and the grid worker and captain of the building; others"
            + " get null and FORBIDDEN here")
    public Uni<List<String>> contactName(@Source List<Household> list) {
        return access.residentContacts("contactName", list, Household::numericId, Household::contactNameValue);
    }

    @Name("contactPhone")
    @Description("Personal data: as contactName")
    public Uni<List<String>> contactPhone(@Source List<Household> list) {
        return access.residentContacts("contactPhone", list, Household::numericId, Household::contactPhoneValue);
    }
}
