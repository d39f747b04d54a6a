package org.epicontrol.roster.request;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.unique;

/**
 * A district D (street S) with communities A (grids A1 and A2, a building and a household in each) and B (grid B1, a
 * building and a household), another district, and people signed in with realm-shaped tokens: the admins of A and B,
 * grid workers of A1, A2 and B1 (by group), the officers of D and of the other district, two volunteers of A linked to
 * their accounts (one gets requests assigned), and anonymous callers. Fresh names every time.
 */
final class RequestWorld {

    static final String FIELDS = "id kind urgency description channel takenBy receivedAt dueAt status assignedAt"
            + " closedAt outcome cancelReason escalationLevel overdue community { id } household { id }"
            + " assignee { id } team { id }";
    static final String TAKE = "mutation($in: RequestInput!) { takeRequest(input: $in) { " + FIELDS + " } }";
    static final String ASSIGN = "mutation($id: ID!, $v: ID, $t: ID) { assignRequest(id: $id, volunteerId: $v,"
            + " teamId: $t) { " + FIELDS + " } }";
    static final String CLOSE = "mutation($id: ID!, $o: String!) { closeRequest(id: $id, outcome: $o) { " + FIELDS
            + " } }";
    static final String CANCEL = "mutation($id: ID!, $r: String!) { cancelRequest(id: $id, reason: $r) { " + FIELDS
            + " } }";
    static final String REQUEST = "query($id: ID!) { request(id: $id) { " + FIELDS + " } }";
    static final String REQUESTS = """
            query($u: ID!, $s: RequestStatus, $o: Boolean, $first: Int, $after: String) {
              requests(unitId: $u, status: $s, overdueOnly: $o, first: $first, after: $after) {
                edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }""";

    final String district;
    final String street;
    final String communityA;
    final String gridA1;
    final String gridA2;
    final String communityB;
    final String gridB1;
    final String householdA1;
    final String householdA2;
    final String householdB1;
    final String assigneeId;
    final String otherVolunteerId;
    final String volunteerB;
    final GraphQLClient adminA;
    final GraphQLClient adminB;
    final GraphQLClient officer;
    final GraphQLClient officerElsewhere;
    final GraphQLClient gridWorkerA1;
    final GraphQLClient gridWorkerA2;
    final GraphQLClient gridWorkerB1;
    final GraphQLClient assignee;
    final GraphQLClient otherVolunteer;
    final GraphQLClient anonymous = RosterFixtures.ANONYMOUS;

    RequestWorld(Pool pool) {
        String d = unique("诉求区");
        String s = unique("街道");
        String a = unique("甲社区");
        String b = unique("乙社区");
        String a1 = unique("甲一网格");
        String a2 = unique("甲二网格");
        String b1 = unique("乙一网格");
        String elsewhere = unique("外区");
        district = RosterFixtures.orgUnit("DISTRICT", d, null);
        RosterFixtures.orgUnit("DISTRICT", elsewhere, null);
        street = RosterFixtures.orgUnit("STREET", s, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", a, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", b, street);
        gridA1 = RosterFixtures.orgUnit("GRID", a1, communityA);
        gridA2 = RosterFixtures.orgUnit("GRID", a2, communityA);
        gridB1 = RosterFixtures.orgUnit("GRID", b1, communityB);
        householdA1 = household(pool, communityA, RosterFixtures.orgUnit("BUILDING", unique("1号楼"), gridA1));
        householdA2 = household(pool, communityA, RosterFixtures.orgUnit("BUILDING", unique("2号楼"), gridA2));
        householdB1 = household(pool, communityB, RosterFixtures.orgUnit("BUILDING", unique("3号楼"), gridB1));
        String pathA = "/" + d + "/" + s + "/" + a;
        String pathB = "/" + d + "/" + s + "/" + b;
        adminA = anonymous.bearer(TestTokens.user("admin-a").roles("community-admin").groups(pathA).sign());
        adminB = anonymous.bearer(TestTokens.user("admin-b").roles("community-admin").groups(pathB).sign());
        officer = anonymous.bearer(TestTokens.user("officer-d").roles("district-officer").groups("/" + d).sign());
        officerElsewhere = anonymous.bearer(TestTokens.user("officer-x").roles("district-officer")
                .groups("/" + elsewhere).sign());
        gridWorkerA1 = anonymous.bearer(TestTokens.user("grid-a1").roles("grid-worker").groups(pathA + "/" + a1).sign());
        gridWorkerA2 = anonymous.bearer(TestTokens.user("grid-a2").roles("grid-worker").groups(pathA + "/" + a2).sign());
        gridWorkerB1 = anonymous.bearer(TestTokens.user("grid-b1").roles("grid-worker").groups(pathB + "/" + b1).sign());
        TestTokens assigneeToken = TestTokens.user("zhang-a").roles("volunteer");
        assigneeId = RosterFixtures.linkedVolunteer(communityA, assigneeToken.subject(), "PARTY_MEMBER");
        assignee = anonymous.bearer(assigneeToken.sign());
        TestTokens otherToken = TestTokens.user("li-a").roles("volunteer");
        otherVolunteerId = RosterFixtures.linkedVolunteer(communityA, otherToken.subject());
        otherVolunteer = anonymous.bearer(otherToken.sign());
        volunteerB = RosterFixtures.volunteer(communityB);
    }

    /** A household of the community in the building (the register's own API is another part's; SQL here). */
    static String household(Pool pool, String community, String building) {
        return String.valueOf(pool.preparedQuery("insert into household (community_id, building_id, room, head_count)"
                        + " values ($1, $2, $3, 3) returning id")
                .execute(Tuple.of(Long.parseLong(community), Long.parseLong(building), unique("30")))
                .await().indefinitely().iterator().next().getLong("id"));
    }

    static Map<String, Object> input(String community, String household, String urgency) {
        Map<String, Object> in = new HashMap<>();
        in.put("communityId", community);
        in.put("householdId", household);
        in.put("kind", "MEDICINE");
        in.put("urgency", urgency);
        in.put("description", "独居老人需购降压药（硝苯地平）两盒");
        in.put("channel", "PHONE");
        return in;
    }

    /** A request taken by the system administrator; answers its id. */
    String take(String community, String household, String urgency) {
        return GRAPHQL.data(TAKE, Map.of("in", input(community, household, urgency))).getString("takeRequest.id");
    }

    /** The ids of the requests the caller gets under the unit (every page). */
    static List<String> listed(GraphQLClient caller, String unit) {
        JsonPath page = caller.data(REQUESTS, Map.of("u", unit, "first", 500));
        return page.getList("requests.edges.node.id");
    }
}
