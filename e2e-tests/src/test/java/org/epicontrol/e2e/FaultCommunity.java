package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A community of the fault test's own, made by the system admin through the gateway: {@link #POSTS} posts of
 * {@link #HEADCOUNT} places whose shifts all run at the same hours on each of {@link #DAYS} days (so that one person
 * can hold only one of a day's shifts: sign-ups contend for places and for people), and {@link #VOLUNTEERS} volunteers.
 */
record FaultCommunity(String communityId, List<String> shifts, List<String> volunteers) {

    static final int POSTS = 4;
    static final int DAYS = 14;
    static final int HEADCOUNT = 2;
    static final int VOLUNTEERS = 12;

    private static final String UNIT = """
            mutation($k: OrgKind!, $n: String!, $p: ID) { createOrgUnit(kind: $k, name: $n, parentId: $p) { id } }""";
    private static final String POST = "mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }";
    private static final String SHIFT = """
            mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }""";
    private static final String VOLUNTEER = "mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }";

    /** Made in a far month ({@code month} of 2032) so that no rule about today or this week comes into play. */
    static FaultCommunity create(RunningSuite suite, int month) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String sysadmin = suite.token("sysadmin");
        String district = id(suite, sysadmin, UNIT, "createOrgUnit", "k", "DISTRICT", "n", "故障区" + tag, "p", null);
        String street = id(suite, sysadmin, UNIT, "createOrgUnit", "k", "STREET", "n", "故障街道" + tag, "p", district);
        String community = id(suite, sysadmin, UNIT, "createOrgUnit", "k", "COMMUNITY", "n", "故障社区" + tag, "p", street);
        List<String> shifts = new ArrayList<>();
        for (int p = 0; p < POSTS; p++) {
            String post = id(suite, sysadmin, POST, "createDutyPost", "in", Map.of("communityId", community,
                    "name", "故障岗" + p + "-" + tag, "kind", "PATROL", "requiredHeadcount", HEADCOUNT,
                    "allowedKinds", List.of(), "aroundTheClock", false));
            for (int day = 1; day <= DAYS; day++) {
                String date = String.format("2032-%02d-%02d", month, day);
                shifts.add(id(suite, sysadmin, SHIFT, "createShift", "p", post, "s", date + "T08:00:00+08:00",
                        "e", date + "T12:00:00+08:00"));
            }
        }
        List<String> volunteers = new ArrayList<>();
        for (int v = 0; v < VOLUNTEERS; v++) {
            volunteers.add(id(suite, sysadmin, VOLUNTEER, "createVolunteer", "in", Map.of("name", "故障志愿者" + v + "-" + tag,
                    "phone", "13800000000", "communityId", community, "kinds", List.of())));
        }
        return new FaultCommunity(community, List.copyOf(shifts), List.copyOf(volunteers));
    }

    private static String id(RunningSuite suite, String token, String mutation, String field, Object... variables) {
        JsonPath answer = Gateway.queryWithToken(suite, token, mutation, variables);
        assertNull(answer.get("errors"), answer::prettify);
        return answer.getString("data." + field + ".id");
    }
}
