package org.epicontrol.roster.org;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.3", _import = {
        @Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
        @Import(name = "@requires"), @Import(name = "@provides"), @Import(name = "@inaccessible")})
// The tree (names of units) is for anyone signed in, at the root fields and the federation lookups; what hangs on a
// unit (people, posts, tasks) is checked by the fields that show it.
public class OrgGraphQLApi {

    private final OrgUnits units;
    private final AreaLinks links;
    private final RosterAccess access;

    public OrgGraphQLApi(OrgUnits units, AreaLinks links, RosterAccess access) {
        this.units = units;
        this.links = links;
        this.access = access;
    }

    @Query("orgUnit")
    public Uni<OrgUnit> orgUnit(@Id @NonNull String id) {
        return access.signedIn("orgUnit").chain(() -> units.byIds(List.of(Ids.parse(id)), null)).map(list -> list.get(0));
    }

    @Query("myUnits")
    @Description("Where your work is: the units your groups name, the units your volunteer holds a responsibility for"
            + " and your volunteer's community, each once, most general first (a console starts from them). Any"
            + " signed-in account; empty for one without a group or a volunteer")
    public Uni<List<@NonNull OrgUnit>> myUnits() {
        return access.authenticated("myUnits").chain(scope -> {
            Set<Long> ids = new LinkedHashSet<>();
            scope.units().forEach(unit -> ids.add(unit.id()));
            scope.duties().forEach(duty -> ids.add(duty.unitId()));
            if (scope.volunteerCommunityId() != null) {
                ids.add(scope.volunteerCommunityId());
            }
            return units.byIds(List.copyOf(ids), null).map(found -> found.stream().filter(Objects::nonNull)
                    .sorted(Comparator.comparingInt((OrgUnit u) -> u.pathIds().size()).thenComparing(OrgUnit::name))
                    .toList());
        });
    }

    @Query("community")
    public Uni<Community> community(@Id @NonNull String id) {
        return access.signedIn("community").chain(() -> units.byIds(List.of(Ids.parse(id)), OrgKind.COMMUNITY))
                .map(list -> list.get(0) == null ? null : Community.of(list.get(0)));
    }

    @Query("grid")
    public Uni<Grid> grid(@Id @NonNull String id) {
        return access.signedIn("grid").chain(() -> units.byIds(List.of(Ids.parse(id)), OrgKind.GRID))
                .map(list -> list.get(0) == null ? null : Grid.of(list.get(0)));
    }

    @Mutation("createOrgUnit")
    @Description("Adds a district, street, community, grid or building under its parent")
    public Uni<OrgUnit> createOrgUnit(@NonNull OrgKind kind, @NonNull String name, @Id String parentId,
                                      @Description("The notice-service Area id this unit corresponds to") @Id String areaId) {
        return access.organise("createOrgUnit")
                .chain(permit -> units.create(kind, name, parentId == null ? null : Ids.parse(parentId), areaId,
                        permit.actor()));
    }

    @Mutation("linkArea")
    @Description("Links a unit to the notice-service Area it corresponds to: it then answers for every area inside"
            + " it. Community admins link their community's units, district officers those of their district")
    public Uni<OrgUnit> linkArea(@Id @NonNull String unitId, @Id @NonNull String areaId) {
        long unit = Ids.parse(unitId);
        String area = AreaLinks.checked(areaId);
        return access.linkArea("linkArea", Target.UNIT, unit)
                .chain(permit -> links.link(AreaLinks.Linked.UNIT, unit, area, permit))
                .chain(() -> units.byId(unit, null));
    }

    public Uni<List<List<OrgUnit>>> children(@Source List<OrgUnit> parents) {
        return units.childrenOf(parents.stream().map(OrgUnit::numericId).toList());
    }

    public Uni<List<OrgUnit>> parent(@Source List<OrgUnit> children) {
        return units.byIds(children.stream().map(c -> c.parentId() == null ? 0L : c.parentId()).toList(), null);
    }

    public Uni<List<List<Grid>>> grids(@Source List<Community> communities) {
        return units.childrenOf(communities.stream().map(c -> Long.parseLong(c.id())).toList())
                .map(lists -> lists.stream().map(l -> l.stream().map(Grid::of).toList()).toList());
    }

    @Name("community")
    public Uni<List<Community>> gridCommunity(@Source List<Grid> grids) {
        return units.byIds(grids.stream().map(Grid::communityId).toList(), OrgKind.COMMUNITY)
                .map(list -> list.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Resolver
    public Uni<List<Community>> communitiesByIds(@Name("id") List<String> ids) {
        List<Long> keys = ids.stream().map(Ids::parseOrZero).toList();
        return access.signedIn("_entities(Community)").chain(() -> units.byIds(keys, OrgKind.COMMUNITY))
                .map(list -> list.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Resolver
    public Uni<List<Grid>> gridsByIds(@Name("id") List<String> ids) {
        List<Long> keys = ids.stream().map(Ids::parseOrZero).toList();
        return access.signedIn("_entities(Grid)").chain(() -> units.byIds(keys, OrgKind.GRID))
                .map(list -> list.stream().map(u -> u == null ? null : Grid.of(u)).toList());
    }
}
