package org.epicontrol.roster.testing;

import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.unique;

/**
 * A district with communities A (grid A1: buildings A1a, A1b; grid A2: building A2a) and B (grid B1: building B1a),
 * households in every building (inserted straight into the register: this branch reads households, another writes
 * them), and callers of every kind, with tokens shaped like the realm's.
 */
final class RoundWorld {

    enum Who {
        SYSTEM_ADMIN, ADMIN_OF_A, ADMIN_OF_B, OFFICER_OF_DISTRICT, OFFICER_ELSEWHERE,
        /** grid-worker with the group of A1 */
        GRID_WORKER_OF_A1,
        /** a volunteer of A whose GRID_WORKER responsibility is A1; their token names no grid */
        RESPONSIBLE_FOR_A1,
        GRID_WORKER_OF_A2,
        /** a volunteer of A, BUILDING_CAPTAIN of building A1a */
        CAPTAIN_OF_A1A,
        /** a plain volunteer of A */
        VOLUNTEER_OF_A,
        GRID_WORKER_OF_B1, ANONYMOUS
    }

    static final String RECORD = """
            mutation($r: ID!, $h: ID!, $s: HouseholdTestStatus!, $n: Int, $why: String, $fix: Boolean) {
              recordHouseholdTest(roundId: $r, householdId: $h, status: $s, testedCount: $n, reason: $why,
                correction: $fix) { status testedCount reason accounted recordedBy recordedAt } }""";

    final String district;
    final String communityA;
    final String communityB;
    final String gridA1;
    final String gridA2;
    final String gridB1;
    final String a1a;
    final String a1b;
    final String a2a;
    final String b1a;
    private final Map<Who, GraphQLClient> clients = new EnumMap<>(Who.class);
    private final Pool pool;
    private final String pathA1;

    RoundWorld(Pool pool) {
        this.pool = pool;
        String d = unique("测试区");
        String elsewhere = unique("外区");
        String s = unique("街道");
        String a = unique("甲社区");
        String b = unique("乙社区");
        String g1 = unique("甲一网格");
        String g2 = unique("甲二网格");
        String gb = unique("乙一网格");
        district = RosterFixtures.orgUnit("DISTRICT", d, null);
        RosterFixtures.orgUnit("DISTRICT", elsewhere, null);
        String street = RosterFixtures.orgUnit("STREET", s, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", a, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", b, street);
        gridA1 = RosterFixtures.orgUnit("GRID", g1, communityA);
        gridA2 = RosterFixtures.orgUnit("GRID", g2, communityA);
        gridB1 = RosterFixtures.orgUnit("GRID", gb, communityB);
        a1a = RosterFixtures.orgUnit("BUILDING", "1幢", gridA1);
        a1b = RosterFixtures.orgUnit("BUILDING", "2幢", gridA1);
        a2a = RosterFixtures.orgUnit("BUILDING", "3幢", gridA2);
        b1a = RosterFixtures.orgUnit("BUILDING", "1幢", gridB1);
        String pathA = "/" + d + "/" + s + "/" + a;
        String pathB = "/" + d + "/" + s + "/" + b;
        pathA1 = pathA + "/" + g1;
        GraphQLClient anonymous = RosterFixtures.ANONYMOUS;
        clients.put(Who.SYSTEM_ADMIN, GRAPHQL);
        clients.put(Who.ADMIN_OF_A, anonymous.bearer(TestTokens.user("admin-a").roles("community-admin")
                .groups(pathA).sign()));
        clients.put(Who.ADMIN_OF_B, anonymous.bearer(TestTokens.user("admin-b").roles("community-admin")
                .groups(pathB).sign()));
        clients.put(Who.OFFICER_OF_DISTRICT, anonymous.bearer(TestTokens.user("officer").roles("district-officer")
                .groups("/" + d).sign()));
        clients.put(Who.OFFICER_ELSEWHERE, anonymous.bearer(TestTokens.user("officer-x").roles("district-officer")
                .groups("/" + elsewhere).sign()));
        clients.put(Who.GRID_WORKER_OF_A1, anonymous.bearer(TestTokens.user("grid-a1").roles("grid-worker")
                .groups(pathA + "/" + g1).sign()));
        clients.put(Who.GRID_WORKER_OF_A2, anonymous.bearer(TestTokens.user("grid-a2").roles("grid-worker")
                .groups(pathA + "/" + g2).sign()));
        clients.put(Who.GRID_WORKER_OF_B1, anonymous.bearer(TestTokens.user("grid-b1").roles("grid-worker")
                .groups(pathB + "/" + gb).sign()));
        clients.put(Who.RESPONSIBLE_FOR_A1, responsible(gridA1, "GRID_WORKER"));
        clients.put(Who.CAPTAIN_OF_A1A, responsible(a1a, "BUILDING_CAPTAIN"));
        TestTokens volunteer = TestTokens.user("li-a").roles("volunteer");
        RosterFixtures.linkedVolunteer(communityA, volunteer.subject());
        clients.put(Who.VOLUNTEER_OF_A, anonymous.bearer(volunteer.sign()));
        clients.put(Who.ANONYMOUS, anonymous);
    }

    /** A volunteer of A signed in with role volunteer, holding {@code role} for {@code unit}. */
    private GraphQLClient responsible(String unit, String role) {
        TestTokens token = TestTokens.user(unique("v")).roles("volunteer");
        String volunteer = RosterFixtures.linkedVolunteer(communityA, token.subject());
        GRAPHQL.data("mutation($u: ID!, $v: ID!, $role: String) {"
                + " assignResponsibility(unitId: $u, volunteerId: $v, role: $role) { id } }",
                Map.of("u", unit, "v", volunteer, "role", role));
        return RosterFixtures.ANONYMOUS.bearer(token.sign());
    }

    /** Another grid worker of A1 (by group), signed in as {@code username}. */
    GraphQLClient gridWorkerOfA1(String username) {
        return RosterFixtures.ANONYMOUS.bearer(TestTokens.user(username).roles("grid-worker").groups(pathA1).sign());
    }

    GraphQLClient as(Who who) {
        return clients.get(who);
    }

    /** {@code count} households in a building, unit "1单元", rooms 101, 102, ... with {@code headCount} people each. */
    List<String> households(String building, int count, int headCount) {
        return households(building, "1单元", count, headCount);
    }

    List<String> households(String building, String unitLabel, int count, int headCount) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.valueOf(pool.preparedQuery("insert into household (community_id, building_id, unit_label,"
                            + " room, head_count) select c, $1, $2, $3, $4 from (select path_ids[3] as c from org_unit"
                            + " where id = $1) o returning id")
                    .execute(Tuple.of(Long.parseLong(building), unitLabel, String.valueOf(101 + i), headCount))
                    .await().indefinitely().iterator().next().getLong("id")));
        }
        return ids;
    }

    /** A round created by hand (as system admin) for a unit, today. */
    String round(String unit) {
        return GRAPHQL.data("mutation($in: TestingRoundInput!) { createTestingRound(input: $in) { id } }",
                Map.of("in", Map.of("unitId", unit, "date", java.time.LocalDate.now().toString())))
                .getString("createTestingRound.id");
    }

    static ValidatableResponse record(GraphQLClient caller, String round, String household, String status,
                                      Integer count, String reason) {
        return record(caller, round, household, status, count, reason, null);
    }

    static ValidatableResponse record(GraphQLClient caller, String round, String household, String status,
                                      Integer count, String reason, Boolean correction) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", round);
        vars.put("h", household);
        vars.put("s", status);
        vars.put("n", count);
        vars.put("why", reason);
        vars.put("fix", correction);
        return caller.post(RECORD, vars);
    }

    long scalar(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }
}
