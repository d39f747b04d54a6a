package org.epicontrol.roster.response.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ResponsePlanTest {

    private static final String SET = """
            mutation($in: ResponsePlanInput!) { setResponsePlan(input: $in) { id level validFrom validTo testingRounds
              posts { key kind nameTemplate shiftHours dayStartsAt headcount allowedKinds } tasks { key kind daily } } }""";
    private static final String PLANS = """
            query($l: String, $at: Date) { responsePlans(level: $l, asOf: $at) { id level validFrom validTo testingRounds
              posts { key shiftHours headcount } tasks { key daily } } }""";

    /** A level code no other test uses (plans are per level). */
    private static String level() {
        StringBuilder code = new StringBuilder("TEST_");
        for (char c : RosterFixtures.unique("").toCharArray()) {
            code.append(Character.isDigit(c) ? (char) ('A' + c - '0') : '_');
        }
        return code.toString();
    }

    private static Map<String, Object> plan(String level, String from, int shiftHours) {
        Map<String, Object> in = new HashMap<>();
        in.put("level", level);
        in.put("validFrom", from);
        in.put("testingRounds", 2);
        in.put("posts", List.of(Map.of("key", "gate", "kind", "CHECKPOINT", "nameTemplate", "{area}东门",
                "shiftHours", shiftHours, "headcount", 3, "allowedKinds", List.of("PARTY_MEMBER"))));
        in.put("tasks", List.of(Map.of("key", "supply", "kind", "SUPPLY_DELIVERY", "description", "每日配送",
                "daily", true)));
        return in;
    }

    @Test
    void theDefaultPlansAreSeededForHighSealedAndControlled() {
        List<String> levels = GRAPHQL.data(PLANS, Map.of("at", "2026-01-01")).getList("responsePlans.level");
        assertEquals(true, levels.containsAll(List.of("HIGH", "SEALED", "CONTROLLED")), levels::toString);
        assertEquals(false, levels.contains("LOW"));
        Map<String, Object> vars = new HashMap<>();
        vars.put("l", "HIGH");
        vars.put("at", "2022-12-01");
        var high = GRAPHQL.data(PLANS, vars);
        assertEquals(3, high.getInt("responsePlans[0].testingRounds"));
        assertEquals(12, high.getInt("responsePlans[0].posts[0].shiftHours"));
        assertEquals(2, high.getInt("responsePlans[0].posts[0].headcount"));
    }

    @Test
    void aSystemAdministratorAddsVersionsThatFollowOneAnother() {
        String level = level();
        var first = GRAPHQL.data(SET, Map.of("in", plan(level, "2026-01-01", 12)));
        assertEquals("gate", first.getString("setResponsePlan.posts[0].key"));
        assertEquals(List.of("PARTY_MEMBER"), first.getList("setResponsePlan.posts[0].allowedKinds"));
        assertNull(first.get("setResponsePlan.validTo"));
        GRAPHQL.data(SET, Map.of("in", plan(level, "2026-03-01", 8)));

        Map<String, Object> vars = new HashMap<>();
        vars.put("l", level);
        vars.put("at", null);
        var all = GRAPHQL.data(PLANS, vars);
        assertEquals(List.of("2026-01-01", "2026-03-01"), all.getList("responsePlans.validFrom"));
        assertEquals("2026-03-01", all.getString("responsePlans[0].validTo"));
        vars.put("at", "2026-02-28");
        assertEquals(List.of(12), GRAPHQL.data(PLANS, vars).getList("responsePlans.posts[0].shiftHours"));
        vars.put("at", "2026-03-01");
        assertEquals(List.of(8), GRAPHQL.data(PLANS, vars).getList("responsePlans.posts[0].shiftHours"));
    }

    @Test
    void aVersionNotAfterTheExistingOnesIsRefused() {
        String level = level();
        GRAPHQL.data(SET, Map.of("in", plan(level, "2026-03-01", 12)));
        GRAPHQL.post(SET, Map.of("in", plan(level, "2026-03-01", 8)))
                .body("errors[0].extensions.code", equalTo("PLAN_VERSION_CONFLICT"));
        GRAPHQL.post(SET, Map.of("in", plan(level, "2026-01-01", 8)))
                .body("errors[0].extensions.code", equalTo("PLAN_VERSION_CONFLICT"));
    }

    @Test
    void eachNewVersionIsOnTheAuditTrailAndARefusedOneIsNot() {
        String level = level();
        String first = GRAPHQL.data(SET, Map.of("in", plan(level, "2026-01-01", 12))).getString("setResponsePlan.id");
        String second = GRAPHQL.data(SET, Map.of("in", plan(level, "2026-03-01", 8))).getString("setResponsePlan.id");
        GRAPHQL.post(SET, Map.of("in", plan(level, "2026-02-01", 8)))
                .body("errors[0].extensions.code", equalTo("PLAN_VERSION_CONFLICT"));

        String trail = "query($id: ID!) { rosterAuditTrail(targetType: \"ResponsePlan\", targetId: $id) {"
                + " edges { node { action details } } } }";
        var firstEvents = GRAPHQL.data(trail, Map.of("id", first));
        assertEquals(List.of("SET_RESPONSE_PLAN"), firstEvents.getList("rosterAuditTrail.edges.node.action"));
        var secondEvents = GRAPHQL.data(trail, Map.of("id", second));
        assertEquals(List.of("SET_RESPONSE_PLAN"), secondEvents.getList("rosterAuditTrail.edges.node.action"));
        JsonObject details = new JsonObject(secondEvents.getString("rosterAuditTrail.edges[0].node.details"));
        assertEquals(level, details.getString("level"));
        assertEquals("2026-03-01", details.getString("validFrom"));
        assertEquals("2026-01-01", details.getString("endsVersionFrom"), "the version it ends");
        // the refused version wrote nothing: only the two versions' events name the level
        String byLevel = "{ rosterAuditTrail(targetType: \"ResponsePlan\", first: 100) { edges { node { details } } } }";
        long events = GRAPHQL.data(byLevel, Map.of()).getList("rosterAuditTrail.edges.node.details", String.class)
                .stream().filter(d -> level.equals(new JsonObject(d).getString("level"))).count();
        assertEquals(2, events);
    }

    @Test
    void badPlansAreRefusedWithTypedErrors() {
        GRAPHQL.post(SET, Map.of("in", plan(level(), "2026-01-01", 5)))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.post(SET, Map.of("in", plan("low risk", "2026-01-01", 12)))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        Map<String, Object> twice = plan(level(), "2026-01-01", 12);
        twice.put("tasks", List.of(Map.of("key", "gate", "kind", "OTHER", "description", "x")));
        GRAPHQL.post(SET, Map.of("in", twice)).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void onlyASystemAdministratorSetsPlans() {
        String level = level();
        var admin = RosterFixtures.ANONYMOUS.bearer(TestTokens.user("admin").roles("community-admin")
                .groups("/某区/某街道/某社区").sign());
        admin.post(SET, Map.of("in", plan(level, "2026-01-01", 12)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("data.setResponsePlan", nullValue());
        RosterFixtures.ANONYMOUS.post(SET, Map.of("in", plan(level, "2026-01-01", 12)))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        Map<String, Object> vars = new HashMap<>();
        vars.put("l", level);
        vars.put("at", null);
        assertEquals(List.of(), GRAPHQL.data(PLANS, vars).getList("responsePlans"));
        // reading is for anyone signed in
        assertEquals(List.of(), admin.data(PLANS, vars).getList("responsePlans"));
    }
}
