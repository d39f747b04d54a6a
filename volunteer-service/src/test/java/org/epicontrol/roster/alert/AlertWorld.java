package org.epicontrol.roster.alert;

import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.response.ResponseNotice;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.unique;

/**
 * A district D (street S) with communities A (grids A1, A2) and B (grid B1), another district, and people signed in
 * with realm-shaped tokens: the admins of A and B, grid workers of A1, A2 and B1 (by group), a volunteer of A made a
 * grid worker of A1 by a responsibility (linked account, no group), the officers of D and of the other district.
 * Fresh names every time, so each test has alerts of its own.
 */
final class AlertWorld {

    private static final AtomicLong RESPONSES = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    static final String ALERTS = """
            query($unack: Boolean, $first: Int, $after: String) {
              alerts(unacknowledgedOnly: $unack, first: $first, after: $after) {
                edges { cursor node { id kind audience message responseId areaId areaName level createdAt
                  acknowledgedAt acknowledgedBy escalatedAt grid { id } community { id } } }
                pageInfo { hasNextPage endCursor } } }""";
    static final String ACKNOWLEDGE = "mutation($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt acknowledgedBy } }";

    final String district;
    final String communityA;
    final String gridA1;
    final String gridA2;
    final String communityB;
    final String gridB1;
    final GraphQLClient adminA;
    final GraphQLClient adminB;
    final GraphQLClient gridWorkerA1;
    final GraphQLClient gridWorkerA2;
    final GraphQLClient gridWorkerB1;
    /** A volunteer of A with a GRID_WORKER responsibility for A1; their token names no grid. */
    final GraphQLClient responsibleForA1;
    final GraphQLClient officer;
    final GraphQLClient officerElsewhere;
    final GraphQLClient volunteerA;
    final String adminAToken;
    final String gridWorkerB1Token;

    AlertWorld() {
        String d = unique("警区");
        String s = unique("街道");
        String a = unique("甲社区");
        String b = unique("乙社区");
        String a1 = unique("甲一网格");
        String a2 = unique("甲二网格");
        String b1 = unique("乙一网格");
        String elsewhere = unique("外区");
        district = RosterFixtures.orgUnit("DISTRICT", d, null);
        RosterFixtures.orgUnit("DISTRICT", elsewhere, null);
        String street = RosterFixtures.orgUnit("STREET", s, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", a, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", b, street);
        gridA1 = RosterFixtures.orgUnit("GRID", a1, communityA);
        gridA2 = RosterFixtures.orgUnit("GRID", a2, communityA);
        gridB1 = RosterFixtures.orgUnit("GRID", b1, communityB);
        String pathA = "/" + d + "/" + s + "/" + a;
        String pathB = "/" + d + "/" + s + "/" + b;
        GraphQLClient anonymous = RosterFixtures.ANONYMOUS;
        adminAToken = TestTokens.user("admin-a").roles("community-admin").groups(pathA).sign();
        adminA = anonymous.bearer(adminAToken);
        adminB = anonymous.bearer(TestTokens.user("admin-b").roles("community-admin").groups(pathB).sign());
        gridWorkerA1 = anonymous.bearer(TestTokens.user("grid-a1").roles("grid-worker").groups(pathA + "/" + a1).sign());
        gridWorkerA2 = anonymous.bearer(TestTokens.user("grid-a2").roles("grid-worker").groups(pathA + "/" + a2).sign());
        gridWorkerB1Token = TestTokens.user("grid-b1").roles("grid-worker").groups(pathB + "/" + b1).sign();
        gridWorkerB1 = anonymous.bearer(gridWorkerB1Token);
        officer = anonymous.bearer(TestTokens.user("officer-d").roles("district-officer").groups("/" + d).sign());
        officerElsewhere = anonymous.bearer(TestTokens.user("officer-x").roles("district-officer")
                .groups("/" + elsewhere).sign());
        TestTokens responsible = TestTokens.user("wang-a1").roles("volunteer");
        String worker = RosterFixtures.linkedVolunteer(communityA, responsible.subject(), "GRID_WORKER");
        GRAPHQL.data("mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v) { id } }",
                Map.of("u", gridA1, "v", worker));
        responsibleForA1 = anonymous.bearer(responsible.sign());
        TestTokens volunteer = TestTokens.user("li-a").roles("volunteer");
        RosterFixtures.linkedVolunteer(communityA, volunteer.subject());
        volunteerA = anonymous.bearer(volunteer.sign());
    }

    /** A response of community A for an area in grid {@code grid} (null: an area above grid level). */
    ResponseNotice response(String grid) {
        long id = RESPONSES.incrementAndGet();
        return new ResponseNotice(id, Long.parseLong(communityA), grid == null ? null : Long.parseLong(grid), "小店区",
                "area-" + id, "书林苑小区" + id + "号楼", "HIGH", "notice-195", 195, LocalDate.of(2022, 11, 20),
                "第195号通告：划定为高风险区");
    }

    /** The caller's alerts about one response (every page). */
    static List<Map<String, Object>> alertsAbout(GraphQLClient caller, long responseId) {
        JsonPath page = caller.data(ALERTS, Map.of("first", 500));
        List<Map<String, Object>> nodes = page.getList("alerts.edges.node");
        return nodes.stream().filter(n -> String.valueOf(responseId).equals(n.get("responseId"))).toList();
    }
}
