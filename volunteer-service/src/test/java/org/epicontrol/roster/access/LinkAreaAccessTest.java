package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.epicontrol.roster.access.World.Who.ADMIN_OF_A;
import static org.epicontrol.roster.access.World.Who.ANONYMOUS;
import static org.epicontrol.roster.access.World.Who.OFFICER_OF_DISTRICT;
import static org.epicontrol.roster.access.World.Who.SYSTEM_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Linking units and posts to notice areas (linkArea, linkPostArea): a community's admins link their community's
 * units and posts, a district's officers those of their district, a system admin any; everyone else is refused with
 * a typed error and nothing changes, audit trail included. The object named is checked inside the write.
 */
@QuarkusTest
class LinkAreaAccessTest {

    private static final String LINK_UNIT =
            "mutation($id: ID!, $area: ID!) { linkArea(unitId: $id, areaId: $area) { id areaId } }";
    private static final String LINK_POST =
            "mutation($id: ID!, $area: ID!) { linkPostArea(postId: $id, areaId: $area) { id areaId } }";

    /** The object a link names, made fresh in community A by a system administrator. */
    enum Linked {
        GRID_OF_A("linkArea", LINK_UNIT, w -> RosterFixtures.orgUnit("GRID", RosterFixtures.unique("网格"), w.communityA)),
        COMMUNITY_A("linkArea", LINK_UNIT, w -> w.communityA),
        POST_OF_A("linkPostArea", LINK_POST, w -> w.post(w.communityA));

        final String field;
        final String mutation;
        final Function<World, String> make;

        Linked(String field, String mutation, Function<World, String> make) {
            this.field = field;
            this.mutation = mutation;
            this.make = make;
        }
    }

    private static final Set<Who> ALLOWED = Set.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT);
    private static final Supplier<World> WORLD = World.perClass();

    @Inject
    Pool pool;

    static List<Object[]> everyoneAndEveryObject() {
        List<Object[]> cases = new ArrayList<>();
        for (Linked linked : Linked.values()) {
            for (Who who : Who.values()) {
                cases.add(new Object[] {linked, who});
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyoneAndEveryObject")
    void theCommunitysAdminsAndTheDistrictsOfficersLinkOthersAreRefusedAndChangeNothing(Linked linked, Who who) {
        String id = linked.make.apply(WORLD.get());
        String area = RosterFixtures.unique("area-");
        String before = State.of(pool);

        JsonPath answer = WORLD.get().as(who).post(linked.mutation, Map.of("id", id, "area", area))
                .extract().jsonPath();

        if (ALLOWED.contains(who)) {
            assertNull(answer.get("errors"), answer::prettify);
            assertEquals(Map.of("id", id, "areaId", area), answer.getMap("data." + linked.field));
        } else {
            assertEquals(who == ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN",
                    answer.getString("errors[0].extensions.code"), answer::prettify);
            assertNull(answer.get("data." + linked.field), answer::prettify);
            assertEquals(before, State.of(pool), "a refused link changes nothing, audit trail included");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ADMIN_OF_A", "OFFICER_ELSEWHERE"})
    void unitsAboveTheCallersScopeAreRefused(Who who) {
        World world = WORLD.get();
        String before = State.of(pool);

        JsonPath answer = world.as(who).post(LINK_UNIT, Map.of("id", world.district, "area", "太原市小店区"))
                .extract().jsonPath();

        assertEquals("FORBIDDEN", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals(before, State.of(pool));
    }

    @ParameterizedTest
    @EnumSource(value = Linked.class)
    void aBlankAreaIdIsBadInputAndChangesNothing(Linked linked) {
        String id = linked.make.apply(WORLD.get());
        String before = State.of(pool);

        JsonPath answer = WORLD.get().as(ADMIN_OF_A).post(linked.mutation, Map.of("id", id, "area", "  "))
                .extract().jsonPath();

        assertEquals("INVALID_INPUT", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals(before, State.of(pool));
    }

    @ParameterizedTest
    @EnumSource(value = Linked.class, names = {"GRID_OF_A", "POST_OF_A"})
    void aLinkIsOnTheAuditTrail(Linked linked) {
        String id = linked.make.apply(WORLD.get());
        String area = RosterFixtures.unique("area-");

        WORLD.get().as(OFFICER_OF_DISTRICT).post(linked.mutation, Map.of("id", id, "area", area));

        String details = pool.query("select details::text as d from audit_event where action = 'LINK_AREA'"
                        + " and target_id = '" + id + "' and actor = 'officer'")
                .execute().await().indefinitely().iterator().next().getString("d");
        assertEquals("{\"areaId\": \"" + area + "\"}", details);
    }
}
