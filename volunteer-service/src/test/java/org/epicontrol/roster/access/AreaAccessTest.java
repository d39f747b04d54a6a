package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The Area fields this service adds: the key resolves for anyone, each field answers or refuses on its own. */
@QuarkusTest
class AreaAccessTest {

    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id
              responsibleGrid { name } dutyPosts { name } onDutyNow { volunteer { id } } openTasks { household } } } }""";
    private static final Supplier<World> WORLD = World.perClass();

    static World world() {
        return WORLD.get();
    }

    @Test
    void anonymousCallersGetTheAreaButNoneOfItsFieldWork() {
        FieldWork work = areaWithFieldWork();
        entities(Who.ANONYMOUS, work.area())
                .body("data._entities[0].id", equalTo(work.area()))
                .body("data._entities[0].onDutyNow", nullValue())
                .body("data._entities[0].openTasks", nullValue())
                .body("data._entities[0].dutyPosts", nullValue())
                .body("errors.extensions.code", hasItems("UNAUTHENTICATED"))
                .body("errors", hasSize(4));
    }

    @Test
    void aVolunteerSeesThePostsButNotWhoIsOnDutyNorTheHouseholds() {
        FieldWork work = areaWithFieldWork();
        entities(Who.VOLUNTEER_OF_A, work.area())
                .body("data._entities[0].dutyPosts.name", equalTo(List.of(work.post())))
                .body("data._entities[0].onDutyNow", nullValue())
                .body("data._entities[0].openTasks", nullValue())
                .body("errors.extensions.code", equalTo(List.of("FORBIDDEN", "FORBIDDEN")));
    }

    @Test
    void theCommunitysAdministratorSeesEverything() {
        FieldWork work = areaWithFieldWork();
        entities(Who.ADMIN_OF_A, work.area())
                .body("errors", nullValue())
                .body("data._entities[0].onDutyNow.volunteer.id", equalTo(List.of(work.onDuty())))
                .body("data._entities[0].openTasks.household", equalTo(List.of("3号楼")));
        entities(Who.ADMIN_OF_B, work.area())
                .body("data._entities[0].dutyPosts.name", equalTo(List.of(work.post())))
                .body("data._entities[0].onDutyNow", nullValue())
                .body("errors.extensions.code", equalTo(List.of("FORBIDDEN", "FORBIDDEN")));
    }

    /** An area of community A with a post staffed right now by a volunteer of A, and an open task. */
    private record FieldWork(String area, String post, String onDuty) {
    }

    private static FieldWork areaWithFieldWork() {
        String area = "area-" + System.nanoTime();
        String name = RosterFixtures.unique("东门卡口");
        String postId = GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }",
                Map.of("in", Map.of("communityId", world().communityA, "name", name, "kind", "CHECKPOINT",
                        "requiredHeadcount", 1, "areaId", area))).getString("createDutyPost.id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String shift = GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", postId, "s", now.minusHours(1).toString(), "e", now.plusHours(1).toString()))
                .getString("createShift.id");
        String person = RosterFixtures.volunteer(world().communityA);
        world().assignment(shift, person);
        GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }", Map.of("in",
                Map.of("kind", "SUPPLY_DELIVERY", "unitId", world().gridA, "household", "3号楼", "areaId", area)));
        return new FieldWork(area, name, person);
    }

    private static ValidatableResponse entities(Who who, String area) {
        return world().as(who).post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Area", "id", area))));
    }
}
