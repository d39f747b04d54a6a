package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.access.World.Who.ADMIN_OF_A;
import static org.epicontrol.roster.access.World.Who.ADMIN_OF_B;
import static org.epicontrol.roster.access.World.Who.ANONYMOUS;
import static org.epicontrol.roster.access.World.Who.GRID_WORKER_OF_B;
import static org.epicontrol.roster.access.World.Who.NOTICE_EDITOR;
import static org.epicontrol.roster.access.World.Who.OFFICER_ELSEWHERE;
import static org.epicontrol.roster.access.World.Who.OFFICER_OF_DISTRICT;
import static org.epicontrol.roster.access.World.Who.SYSTEM_ADMIN;
import static org.epicontrol.roster.access.World.Who.VOLUNTEER_OF_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roster data of community A (a volunteer on a shift of a post guarding an area, his task, his wish, his
 * responsibility for a grid) reached by every path of the graph: root fields, nested fields, federation
 * {@code _entities}. Outsiders get none of it, whatever path they take, and an error says why; A's own staff get it.
 */
@QuarkusTest
class RosterGraphAccessTest {

    private static final Set<Who> OUTSIDERS = EnumSet.of(ANONYMOUS, NOTICE_EDITOR, ADMIN_OF_B, OFFICER_ELSEWHERE,
            VOLUNTEER_OF_B, GRID_WORKER_OF_B);
    private static final Set<Who> OWNERS = EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT);

    private static final Supplier<World> WORLD = World.perClass();
    private static final Supplier<Roster> ROSTER = new Supplier<>() {
        private Roster roster;

        @Override
        public synchronized Roster get() {
            if (roster == null) {
                roster = Roster.of(WORLD.get());
            }
            return roster;
        }
    };

    /** A's roster data, each piece carrying a value found nowhere else: seeing that value is seeing the data. */
    record Roster(String community, String grid, String area, String post, String shift, String volunteer, String name, String skill, String startsAt,
                  String taskHousehold, String openTaskHousehold, String wishHousehold) {

        static Roster of(World world) {
            String area = "area-" + System.nanoTime();
            String name = RosterFixtures.unique("机密姓名");
            String skill = RosterFixtures.unique("机密技能");
            String volunteer = GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }",
                    // a party member: the only kinds that claim wishes (below)
                    Map.of("in", Map.of("name", name, "communityId", world.communityA, "skills", List.of(skill),
                            "kinds", List.of("PARTY_MEMBER"))))
                    .getString("createVolunteer.id");
            String post = checkpoint(world.communityA, area);
            JsonPath shift = shiftNow(post);
            world.assignment(shift.getString("createShift.id"), volunteer);
            String taskHousehold = RosterFixtures.unique("机密住户");
            String task = GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }",
                    Map.of("in", Map.of("kind", "SUPPLY_DELIVERY", "unitId", world.gridA, "household", taskHousehold)))
                    .getString("createTask.id");
            // an open task of the area: Area.openTasks shows open ones only
            String openHousehold = RosterFixtures.unique("机密开放住户");
            GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }",
                    Map.of("in", Map.of("kind", "MEDICINE_PURCHASE", "unitId", world.gridA, "household", openHousehold,
                            "areaId", area)));
            GRAPHQL.data("mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { id } }",
                    Map.of("t", task, "v", volunteer));
            String wishHousehold = RosterFixtures.unique("机密心愿");
            String wish = GRAPHQL.data("mutation($c: ID!, $h: String!) { postWish(communityId: $c, household: $h,"
                    + " kind: MEDICINE, description: \"药\") { id } }", Map.of("c", world.communityA, "h", wishHousehold))
                    .getString("postWish.id");
            GRAPHQL.data("mutation($w: ID!, $v: ID!) { claimWish(wishId: $w, volunteerId: $v) { id } }",
                    Map.of("w", wish, "v", volunteer));
            GRAPHQL.data("mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v) { id } }",
                    Map.of("u", world.gridA, "v", volunteer));
            return new Roster(world.communityA, world.gridA, area, post, shift.getString("createShift.id"), volunteer, name, skill,
                    shift.getString("createShift.startsAt"), taskHousehold, openHousehold, wishHousehold);
        }

        List<String> secrets() {
            return List.of(name, skill, startsAt, taskHousehold, openTaskHousehold, wishHousehold);
        }
    }

    /** A way into A's roster: a query and its variables, made when the test runs (the world exists by then). */
    record Path(String name, String query, Function<Roster, Map<String, Object>> variables) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String WINDOW = "from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\"";
    private static final String ROSTER_FIELDS = "startsAt assignments { volunteer { name kinds skills } shift { startsAt } }";

    static List<Path> paths() {
        String near = "from: \"" + OffsetDateTime.now(ZoneOffset.UTC).minusDays(1) + "\", to: \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1) + "\"";
        return List.of(
                entities("Area.dutyPosts.shifts.assignments.volunteer", "Area", Roster::area,
                        "dutyPosts { name shifts(" + WINDOW + ") { " + ROSTER_FIELDS + " } }"),
                entities("Area.onDutyNow", "Area", Roster::area, "onDutyNow { volunteer { name skills } shift { startsAt } }"),
                entities("Area.openTasks.assignee", "Area", Roster::area, "openTasks { household assignee { name } }"),
                new Path("community.volunteers", "query($c: ID!) { community(id: $c) { volunteers { name skills } } }",
                        r -> Map.of("c", r.community())),
                new Path("community.dutyPosts.shifts", "query($c: ID!) { community(id: $c) { dutyPosts { shifts("
                        + WINDOW + ") { " + ROSTER_FIELDS + " } } } }", r -> Map.of("c", r.community())),
                new Path("grid.community.volunteers", "query($g: ID!) { grid(id: $g) { community { volunteers { name } } } }",
                        r -> Map.of("g", r.grid())),
                new Path("dutyPost.shifts", "query($p: ID!) { dutyPost(id: $p) { shifts(" + WINDOW + ") { " + ROSTER_FIELDS
                        + " } } }", r -> Map.of("p", r.post())),
                new Path("shift.assignments", "query($s: ID!) { shift(id: $s) { " + ROSTER_FIELDS + " } }", r -> Map.of("s", r.shift())),
                new Path("volunteer", "query($v: ID!) { volunteer(id: $v) { name skills } }", r -> Map.of("v", r.volunteer())),
                new Path("grid.responsibleWorkers", "query($g: ID!) { grid(id: $g) { responsibleWorkers { name }"
                        + " responsibilities { volunteer { name skills } } } }", r -> Map.of("g", r.grid())),
                new Path("orgUnit.responsibilities", "query($g: ID!) { orgUnit(id: $g) { responsibleWorkers { name }"
                        + " responsibilities { volunteer { name } } } }", r -> Map.of("g", r.grid())),
                new Path("tasks.assignee", "query($g: ID!) { tasks(unitId: $g) { edges { node { household"
                        + " assignee { name } } } } }", r -> Map.of("g", r.grid())),
                new Path("wishes.claimedBy", "query($c: ID!) { wishes(communityId: $c) { edges { node { household"
                        + " claimedBy { name } } } } }", r -> Map.of("c", r.community())),
                new Path("onDuty(post)", "query($p: ID!) { onDuty(postId: $p) { volunteer { name } shift { startsAt } } }",
                        r -> Map.of("p", r.post())),
                new Path("onDuty(area)", "query($a: ID!) { onDuty(areaId: $a) { volunteer { name } } }",
                        r -> Map.of("a", r.area())),
                new Path("volunteerHours", "query($c: ID!) { volunteerHours(community: $c, " + near + ") {"
                        + " hours volunteer { name } } }", r -> Map.of("c", r.community())),
                entities("_entities(DutyPost)", "DutyPost", Roster::post, "name shifts(" + WINDOW + ") { " + ROSTER_FIELDS + " }"),
                entities("_entities(Shift)", "Shift", Roster::shift, ROSTER_FIELDS),
                entities("_entities(Volunteer)", "Volunteer", Roster::volunteer, "name skills"),
                entities("_entities(Community)", "Community", Roster::community, "volunteers { name } dutyPosts { shifts("
                        + WINDOW + ") { " + ROSTER_FIELDS + " } }"),
                entities("_entities(Grid)", "Grid", Roster::grid, "responsibleWorkers { name } responsibilities { volunteer"
                        + " { name } }"));
    }

    @Test
    void aBatchRefusesOnlyTheObjectsTheCallerMayNotSeeAndAnswersTheirNeighbours() {
        World w = WORLD.get();
        String otherArea = "area-" + System.nanoTime();
        w.assignment(shiftNow(checkpoint(w.communityB, otherArea)).getString("createShift.id"), w.volunteerB);

        JsonPath answer = w.as(ADMIN_OF_A).post("query($r: [_Any!]!) { _entities(representations: $r) { ... on Area {"
                        + " dutyPosts { shifts(" + WINDOW + ") { assignments { volunteer { name } } } }"
                        + " onDutyNow { volunteer { name } } } } }",
                Map.of("r", List.of(Map.of("__typename", "Area", "id", ROSTER.get().area()),
                        Map.of("__typename", "Area", "id", otherArea)))).extract().jsonPath();

        assertTrue(String.valueOf((Object) answer.get("data._entities[0].dutyPosts")).contains(ROSTER.get().name()),
                answer::prettify);
        assertEquals(List.of(ROSTER.get().name()), answer.getList("data._entities[0].onDutyNow.volunteer.name"),
                answer::prettify);
        assertNull(answer.get("data._entities[1].onDutyNow"), answer::prettify);
        assertNull(answer.get("data._entities[1].dutyPosts[0].shifts"), answer::prettify);
        assertEquals(List.of("FORBIDDEN", "FORBIDDEN"), answer.getList("errors.extensions.code"), answer::prettify);
        assertEquals(Set.of(List.of("_entities", 1, "onDutyNow"), List.of("_entities", 1, "dutyPosts", 0, "shifts")),
                Set.copyOf(answer.getList("errors.path")), answer::prettify);
    }

    /** A checkpoint of the community guarding the area. */
    private static String checkpoint(String community, String area) {
        return GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }",
                Map.of("in", Map.of("communityId", community, "name", RosterFixtures.unique("卡口"),
                        "kind", "CHECKPOINT", "requiredHeadcount", 2, "areaId", area)))
                .getString("createDutyPost.id");
    }

    /** A shift of the post from an hour ago to an hour from now: its people are on duty now. */
    private static JsonPath shiftNow(String post) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id startsAt } }",
                Map.of("p", post, "s", now.minusHours(1).toString(), "e", now.plusHours(1).toString()));
    }

    private static JsonPath ask(Path path, Who who) {
        return WORLD.get().as(who).post(path.query(), new HashMap<>(path.variables().apply(ROSTER.get())))
                .extract().jsonPath();
    }

    private static Path entities(String name, String type, Function<Roster, String> id, String fields) {
        return new Path(name, "query($r: [_Any!]!) { _entities(representations: $r) { ... on " + type + " { " + fields
                + " } } }", r -> Map.of("r", List.of(Map.of("__typename", type, "id", id.apply(r)))));
    }

    static Stream<Arguments> outsiders() {
        List<Arguments> cases = new ArrayList<>();
        for (Path path : paths()) {
            OUTSIDERS.forEach(who -> cases.add(Arguments.of(path, who)));
        }
        return cases.stream();
    }

    static Stream<Arguments> owners() {
        List<Arguments> cases = new ArrayList<>();
        for (Path path : paths()) {
            OWNERS.forEach(who -> cases.add(Arguments.of(path, who)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("outsiders")
    void outsidersReachNoRosterDataOfAnotherCommunityByAnyPath(Path path, Who who) {
        JsonPath answer = ask(path, who);

        String data = String.valueOf((Object) answer.get("data"));
        for (String secret : ROSTER.get().secrets()) {
            assertFalse(data.contains(secret), () -> path + " shows " + secret + " to " + who + ": " + answer.prettify());
        }
        List<String> codes = answer.getList("errors.extensions.code");
        assertNotNull(codes, () -> "a refusal is never silent: " + answer.prettify());
        assertTrue(codes.contains(who == ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"), answer::prettify);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("owners")
    void theCommunitysOwnStaffSeeItsRosterByEveryPath(Path path, Who who) {
        JsonPath answer = ask(path, who);

        assertNull(answer.get("errors"), answer::prettify);
        String data = String.valueOf((Object) answer.get("data"));
        assertTrue(ROSTER.get().secrets().stream().anyMatch(data::contains), answer::prettify);
    }
}
