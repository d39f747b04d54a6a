package org.epicontrol.roster.access;

import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;

/**
 * A district with two communities A and B in one street, a grid in each, and people signed in with tokens shaped like
 * the realm's: their groups name the units by path, volunteers are linked by their token subject. A notice editor
 * has a role of the realm but none of this service's.
 */
final class World {

    enum Who { SYSTEM_ADMIN, ADMIN_OF_A, ADMIN_OF_B, OFFICER_OF_DISTRICT, OFFICER_ELSEWHERE, GRID_WORKER_OF_A, VOLUNTEER_OF_A,
        VOLUNTEER_OF_B, GRID_WORKER_OF_B, NOTICE_EDITOR, ANONYMOUS }

    private static final AtomicInteger DAYS = new AtomicInteger();

    final String district;
    final String communityA;
    final String communityB;
    final String gridA;
    final String gridB;
    /** Linked to the VOLUNTEER_OF_A token. */
    final String volunteerA;
    final String volunteerB;
    private final Map<Who, GraphQLClient> clients;

    private World() {
        String districtName = RosterFixtures.unique("测试区");
        String otherDistrictName = RosterFixtures.unique("别区");
        String streetName = RosterFixtures.unique("街道");
        String aName = RosterFixtures.unique("甲社区");
        String bName = RosterFixtures.unique("乙社区");
        String gridName = RosterFixtures.unique("网格");
        String gridBName = RosterFixtures.unique("乙网格");
        district = RosterFixtures.orgUnit("DISTRICT", districtName, null);
        RosterFixtures.orgUnit("DISTRICT", otherDistrictName, null);
        String street = RosterFixtures.orgUnit("STREET", streetName, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", aName, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", bName, street);
        gridA = RosterFixtures.orgUnit("GRID", gridName, communityA);
        gridB = RosterFixtures.orgUnit("GRID", gridBName, communityB);
        String pathB = "/" + districtName + "/" + streetName + "/" + bName;
        String pathA = "/" + districtName + "/" + streetName + "/" + aName;
        TestTokens volunteerOfA = TestTokens.user("vol-a").roles("volunteer");
        TestTokens volunteerOfB = TestTokens.user("vol-b").roles("volunteer");
        volunteerA = RosterFixtures.linkedVolunteer(communityA, volunteerOfA.subject());
        volunteerB = RosterFixtures.linkedVolunteer(communityB, volunteerOfB.subject());
        GraphQLClient anonymous = RosterFixtures.ANONYMOUS;
        clients = Map.ofEntries(
                Map.entry(Who.SYSTEM_ADMIN, GRAPHQL),
                Map.entry(Who.ADMIN_OF_A, anonymous.bearer(TestTokens.user("admin-a").roles("community-admin")
                        .groups(pathA).sign())),
                Map.entry(Who.ADMIN_OF_B, anonymous.bearer(TestTokens.user("admin-b").roles("community-admin")
                        .groups(pathB).sign())),
                Map.entry(Who.OFFICER_OF_DISTRICT, anonymous.bearer(TestTokens.user("officer").roles("district-officer")
                        .groups("/" + districtName).sign())),
                Map.entry(Who.OFFICER_ELSEWHERE, anonymous.bearer(TestTokens.user("officer-elsewhere")
                        .roles("district-officer").groups("/" + otherDistrictName).sign())),
                Map.entry(Who.GRID_WORKER_OF_A, anonymous.bearer(TestTokens.user("grid-a").roles("grid-worker")
                        .groups(pathA + "/" + gridName).sign())),
                Map.entry(Who.GRID_WORKER_OF_B, anonymous.bearer(TestTokens.user("grid-b").roles("grid-worker")
                        .groups(pathB + "/" + gridBName).sign())),
                Map.entry(Who.VOLUNTEER_OF_A, anonymous.bearer(volunteerOfA.sign())),
                Map.entry(Who.VOLUNTEER_OF_B, anonymous.bearer(volunteerOfB.sign())),
                Map.entry(Who.NOTICE_EDITOR, anonymous.bearer(TestTokens.user("editor").roles("notice-editor").sign())),
                Map.entry(Who.ANONYMOUS, anonymous));
    }

    /** A fresh world; tokens are valid for ten minutes, far longer than a test class runs. */
    /** A world made on first use and kept for one test class (a static field of it): classes do not share one. */
    static Supplier<World> perClass() {
        return new Supplier<>() {
            private World world;

            @Override
            public synchronized World get() {
                if (world == null) {
                    world = create();
                }
                return world;
            }
        };
    }

    static World create() {
        return new World();
    }

    GraphQLClient as(Who who) {
        return clients.get(who);
    }

    String post(String community) {
        return RosterFixtures.post(community, "PATROL", 3);
    }

    /** A shift of 4 h on a day no other shift of this JVM uses, so one person may take any number of them. */
    String shift(String community) {
        LocalDate day = LocalDate.of(2032, 1, 1).plusDays(DAYS.incrementAndGet());
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post(community), "s", day + "T08:00:00+08:00", "e", day + "T12:00:00+08:00"))
                .getString("createShift.id");
    }

    String assignment(String shift, String volunteer) {
        return RosterFixtures.signUp(shift, volunteer).extract().path("data.signUp.id");
    }

    String task(String unit) {
        return GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }",
                Map.of("in", Map.of("kind", "SUPPLY_DELIVERY", "unitId", unit, "household", "1号楼101")))
                .getString("createTask.id");
    }
}
