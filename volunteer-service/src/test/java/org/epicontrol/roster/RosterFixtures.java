package org.epicontrol.roster;

import io.restassured.response.ValidatableResponse;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds organisation, people and posts over the service's own GraphQL API; names are unique per call. The client
 * signs in as a system administrator (allowed everything), so tests of roster rules need not care about access;
 * AccessMatrixTest and friends use tokens of their own.
 */
public final class RosterFixtures {

    public static final GraphQLClient ANONYMOUS = GraphQLClient.at("/graphql");
    public static final GraphQLClient GRAPHQL = ANONYMOUS.bearer(TestTokens.user("root").roles("system-admin").sign());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private RosterFixtures() {
    }

    public static String unique(String base) {
        return base + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    public static String orgUnit(String kind, String name, String parentId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("kind", kind);
        vars.put("name", name);
        vars.put("parent", parentId);
        return GRAPHQL.data("mutation($kind: OrgKind!, $name: String!, $parent: ID) {"
                + " createOrgUnit(kind: $kind, name: $name, parentId: $parent) { id } }", vars)
                .getString("createOrgUnit.id");
    }

    /** A fresh district → street → community chain; returns the community id. */
    public static String community() {
        String district = orgUnit("DISTRICT", unique("测试区"), null);
        String street = orgUnit("STREET", unique("测试街道"), district);
        return orgUnit("COMMUNITY", unique("测试社区"), street);
    }

    public static String volunteer(String community, String... kinds) {
        return linkedVolunteer(community, null, kinds);
    }

    /** A volunteer whose Keycloak account (token subject) is {@code userId}. */
    public static String linkedVolunteer(String community, String userId, String... kinds) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", unique("志愿者"));
        input.put("phone", "13800000000");
        input.put("communityId", community);
        input.put("kinds", List.of(kinds));
        input.put("userId", userId);
        return GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }", Map.of("in", input))
                .getString("createVolunteer.id");
    }

    public static String post(String community, String kind, int headcount, String... allowedKinds) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("name", unique("岗"));
        input.put("kind", kind);
        input.put("requiredHeadcount", headcount);
        input.put("allowedKinds", List.of(allowedKinds));
        input.put("aroundTheClock", kind.equals("CHECKPOINT"));
        return GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", Map.of("in", input))
                .getString("createDutyPost.id");
    }

    /** Shifts of a rotation starting tomorrow (in the future, so sign-ups are allowed). */
    public static List<String> rotation(String post, int days, int shiftHours) {
        Map<String, Object> rotation = new HashMap<>();
        rotation.put("postId", post);
        rotation.put("firstDay", LocalDate.now().plusDays(1).toString());
        rotation.put("days", days);
        rotation.put("shiftHours", shiftHours);
        return GRAPHQL.data("mutation($r: RotationInput!) { generateShifts(rotation: $r) { id } }", Map.of("r", rotation))
                .getList("generateShifts.id");
    }

    public static ValidatableResponse signUp(String shift, String volunteer) {
        return signUp(GRAPHQL, shift, volunteer);
    }

    public static ValidatableResponse signUp(GraphQLClient client, String shift, String volunteer) {
        return client.post("mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id status } }",
                Map.of("s", shift, "v", volunteer));
    }
}
