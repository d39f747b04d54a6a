package org.epicontrol.roster.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.org.OrgFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.org.OrgFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.epicontrol.roster.org.OrgFixtures.volunteer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WishTest {

    private static final String FIELDS = "id status household kind description community { id } claimedBy { id name }";
    private static final String POST = """
            mutation($community: ID!, $household: String!, $kind: WishKind!, $description: String!) {
              postWish(communityId: $community, household: $household, kind: $kind, description: $description) {
            """ + FIELDS + " } }";
    private static final String POST_ON_HOUSEHOLD = """
            mutation($community: ID!, $householdId: ID, $household: String!, $kind: WishKind!, $description: String!) {
              postWish(communityId: $community, householdId: $householdId, household: $household, kind: $kind,
                description: $description) { id status postedBy householdRecord { id } } }""";
    private static final String CLAIM = "mutation($wish: ID!, $volunteer: ID!) { claimWish(wishId: $wish, volunteerId: $volunteer) { "
            + FIELDS + " } }";
    private static final String FULFIL = "mutation($wish: ID!) { fulfilWish(wishId: $wish) { " + FIELDS + " } }";
    private static final String CANCEL = "mutation($wish: ID!) { cancelWish(wishId: $wish) { " + FIELDS + " } }";
    private static final String WISHES = """
            query($community: ID!, $status: WishStatus) {
              wishes(communityId: $community, status: $status) { edges { node { id status } } pageInfo { hasNextPage } } }""";

    @Inject
    Pool pool;

    @Test
    void aWishIsPostedClaimedAndFulfilled() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String member = volunteer(branch.community(), "党员张");
        JsonPath wish = post(branch.community(), "5号楼1单元302 独居老人", "MEDICINE", "降压药(硝苯地平)两盒")
                .extract().jsonPath().setRootPath("data.postWish");
        assertEquals("OPEN", wish.getString("status"));
        assertEquals(branch.community(), wish.getString("community.id"));
        String id = wish.getString("id");

        GRAPHQL.post(CLAIM, Map.of("wish", id, "volunteer", member))
                .body("data.claimWish.status", equalTo("CLAIMED"))
                .body("data.claimWish.claimedBy.name", equalTo("党员张"));
        GRAPHQL.post(FULFIL, Map.of("wish", id))
                .body("data.fulfilWish.status", equalTo("FULFILLED"))
                .body("data.fulfilWish.claimedBy.id", equalTo(member));
    }

    @Test
    void ofTwentyConcurrentClaimsOfOneWishExactlyOneSucceeds() throws Exception {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String wish = post(branch.community(), "7号楼", "SUPPLIES", "蔬菜一份").extract().path("data.postWish.id");
        List<Callable<JsonPath>> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String member = volunteer(branch.community(), "党员" + i);
            claims.add(() -> GRAPHQL.post(CLAIM, Map.of("wish", wish, "volunteer", member)).extract().jsonPath());
        }

        List<JsonPath> answers = Concurrently.run(claims);

        List<JsonPath> won = answers.stream().filter(a -> a.get("errors") == null).toList();
        assertEquals(1, won.size());
        List<JsonPath> refused = answers.stream()
                .filter(a -> "ALREADY_CLAIMED".equals(a.getString("errors[0].extensions.code"))).toList();
        assertEquals(19, refused.size());
        String winner = won.get(0).getString("data.claimWish.claimedBy.id");
        refused.forEach(a -> assertTrue(a.getString("errors[0].message").contains("already claimed by volunteer " + winner),
                a.getString("errors[0].message")));
        assertEquals(Long.parseLong(winner), scalar(pool, "select claimed_by from wish where id = $1", Long.parseLong(wish)));
    }

    @Test
    void illegalMovesOfAWishAreRefusedAndChangeNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String member = volunteer(branch.community(), "党员李");
        String open = post(branch.community(), "2号楼", "OTHER", "代缴电费").extract().path("data.postWish.id");

        GRAPHQL.post(FULFIL, Map.of("wish", open))
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"))
                .body("errors[0].message", containsString("only a wish that is CLAIMED can be fulfilled"));
        GRAPHQL.data(CANCEL, Map.of("wish", open));
        GRAPHQL.post(CLAIM, Map.of("wish", open, "volunteer", member))
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        GRAPHQL.post(CANCEL, Map.of("wish", open))
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        assertEquals(1, scalar(pool, "select count(*) from wish where id = $1 and status = 'CANCELLED' and claimed_by is null",
                Long.parseLong(open)));

        String other = post(branch.community(), "3号楼", "OTHER", "取快递").extract().path("data.postWish.id");
        GRAPHQL.post(CLAIM, Map.of("wish", other, "volunteer", "999999"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GRAPHQL.post(CLAIM, Map.of("wish", "999999", "volunteer", member))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assertEquals(1, scalar(pool, "select count(*) from wish where id = $1 and status = 'OPEN'", Long.parseLong(other)));
    }

    @Test
    void aWishIsPostedToACommunityAndBadInputStoresNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        long before = count(pool, "wish");

        post(branch.grid(), "1号楼", "MEDICINE", "感冒药").body("data.postWish", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        post("999999", "1号楼", "MEDICINE", "感冒药").body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        post(branch.community(), "1号楼", "MEDICINE", "  ").body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        post(branch.community(), " ", "MEDICINE", "感冒药").body("errors[0].extensions.code", equalTo("INVALID_INPUT"));

        assertEquals(before, count(pool, "wish"));
    }

    @Test
    void wishesOfACommunityAreListedByStatus() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        OrgFixtures.Branch elsewhere = OrgFixtures.branch();
        String member = volunteer(branch.community(), "党员王");
        String a = post(branch.community(), "1号楼", "SUPPLIES", "米面油").extract().path("data.postWish.id");
        String b = post(branch.community(), "2号楼", "MEDICINE", "胰岛素").extract().path("data.postWish.id");
        post(elsewhere.community(), "1号楼", "SUPPLIES", "牛奶");
        GRAPHQL.data(CLAIM, Map.of("wish", b, "volunteer", member));

        assertEquals(List.of(a, b), wishes(branch.community(), null).getList("edges.node.id"));
        assertEquals(List.of(a), wishes(branch.community(), "OPEN").getList("edges.node.id"));
        assertEquals(List.of(b), wishes(branch.community(), "CLAIMED").getList("edges.node.id"));
        GRAPHQL.post(WISHES, Map.of("community", branch.grid())).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aGridWorkerPostsAWishForAResidentOnAHouseholdOfTheirCommunity() {
        String district = OrgFixtures.unique("小店区");
        String community = OrgFixtures.unique("府东社区");
        String other = OrgFixtures.unique("府西社区");
        String districtId = OrgFixtures.unit("DISTRICT", district, null);
        String street = OrgFixtures.unit("STREET", "平阳路街道", districtId);
        String communityId = OrgFixtures.unit("COMMUNITY", community, street);
        String otherId = OrgFixtures.unit("COMMUNITY", other, street);
        String grid = OrgFixtures.unit("GRID", "第一网格", communityId);
        String otherGrid = OrgFixtures.unit("GRID", "第一网格", otherId);
        String home = household(communityId, OrgFixtures.unit("BUILDING", "5号楼", grid));
        String otherHome = household(otherId, OrgFixtures.unit("BUILDING", "5号楼", otherGrid));
        GraphQLClient gridWorker = GRAPHQL.bearer(TestTokens.user("grid-fd").roles("grid-worker")
                .groups("/" + district + "/平阳路街道/" + community + "/第一网格").sign());
        GraphQLClient otherGridWorker = GRAPHQL.bearer(TestTokens.user("grid-fx").roles("grid-worker")
                .groups("/" + district + "/平阳路街道/" + other + "/第一网格").sign());
        GraphQLClient volunteer = GRAPHQL.bearer(TestTokens.user("vol-fd").roles("volunteer").sign());
        long before = count(pool, "wish");

        otherGridWorker.post(POST_ON_HOUSEHOLD, onHousehold(communityId, home))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        volunteer.post(POST_ON_HOUSEHOLD, onHousehold(communityId, home))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        gridWorker.post(POST_ON_HOUSEHOLD, onHousehold(communityId, otherHome))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post(POST_ON_HOUSEHOLD, onHousehold(communityId, otherHome))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assertEquals(before, count(pool, "wish"), "refused posts store nothing");

        gridWorker.post(POST_ON_HOUSEHOLD, onHousehold(communityId, home))
                .body("data.postWish.status", equalTo("OPEN"))
                .body("data.postWish.postedBy", equalTo("grid-fd"))
                .body("data.postWish.householdRecord.id", equalTo(home));
    }

    @Test
    void onlyPartyMembersClaimWishesAndARefusedClaimChangesNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String wish = post(branch.community(), "6号楼", "SUPPLIES", "代买蔬菜").extract().path("data.postWish.id");
        Map<String, Object> resident = new HashMap<>(Map.of("name", "居民赵", "communityId", branch.community(),
                "kinds", List.of("RESIDENT", "VETERAN")));
        String notAMember = GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }",
                Map.of("in", resident)).getString("createVolunteer.id");
        resident.put("kinds", List.of("IN_SERVICE_PARTY_MEMBER"));
        resident.put("name", "在职党员钱");
        String inService = GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }",
                Map.of("in", resident)).getString("createVolunteer.id");

        GRAPHQL.post(CLAIM, Map.of("wish", wish, "volunteer", notAMember))
                .body("errors[0].extensions.code", equalTo("NOT_QUALIFIED"));
        assertEquals(1, scalar(pool, "select count(*) from wish where id = $1 and status = 'OPEN' and claimed_by is null",
                Long.parseLong(wish)));
        GRAPHQL.post(CLAIM, Map.of("wish", wish, "volunteer", inService))
                .body("data.claimWish.claimedBy.id", equalTo(inService));
    }

    private String household(String community, String building) {
        return String.valueOf(scalar(pool, "insert into household (community_id, building_id, room, head_count)"
                + " values ($1, $2, '302', 1) returning id", Long.parseLong(community), Long.parseLong(building)));
    }

    private static Map<String, Object> onHousehold(String community, String household) {
        return Map.of("community", community, "householdId", household, "household", "5号楼302 独居老人",
                "kind", "MEDICINE", "description", "降压药两盒");
    }

    private static JsonPath wishes(String community, String status) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("community", community);
        vars.put("status", status);
        return GRAPHQL.data(WISHES, vars).setRootPath("data.wishes");
    }

    private static ValidatableResponse post(String community, String household, String kind, String description) {
        return GRAPHQL.post(POST, Map.of("community", community, "household", household, "kind", kind,
                "description", description));
    }
}
