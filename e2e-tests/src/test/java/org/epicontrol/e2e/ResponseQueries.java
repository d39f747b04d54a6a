package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/** What the tests read of responses and alerts, through the gateway as a demo user. */
final class ResponseQueries {

    /** A response with everything it set up; shifts in a window. */
    private static final String RESPONSE_FIELDS = """
            id state level areaId effectiveDate openedAt closedAt closeReason testingRound testingRoundCount
            community { id name }
            notices { noticeNumber kind level levelInForce }
            posts { id name kind requiredHeadcount aroundTheClock activeFrom activeUntil closedReason
              shifts(from: $from, to: $to) { id startsAt endsAt requiredHeadcount cancelled cancelReason } }
            testingRounds { id round rounds date status cancelReason }
            tasks { id kind status cancelReason }
            uncovered { from until }""";
    private static final String OF_AREA = "query($a: ID!, $from: DateTime!, $to: DateTime!) { area(id: $a) {"
            + " fullName response { " + RESPONSE_FIELDS + " } } }";
    private static final String BY_ID = "query($r: ID!, $from: DateTime!, $to: DateTime!) { response(id: $r) { "
            + RESPONSE_FIELDS + " } }";
    private static final String OF_COMMUNITY = "query($c: ID!) { community(id: $c) { responses { id areaId state } } }";
    private static final String ALERTS = """
            query($only: Boolean, $after: String) { alerts(unacknowledgedOnly: $only, first: 50, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { node { id kind audience responseId areaId message acknowledgedAt acknowledgedBy } } } }""";
    private static final String ACKNOWLEDGE = """
            mutation($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt acknowledgedBy } }""";
    private static final String PLAN = """
            query($level: String, $asOf: Date) { responsePlans(level: $level, asOf: $asOf) {
              testingRounds firstRoundDay roundIntervalDays
              posts { kind shiftHours headcount aroundTheClock } tasks { kind daily } } }""";

    private final RunningSuite suite;

    ResponseQueries(RunningSuite suite) {
        this.suite = suite;
    }

    /** {@code area(id) { response }} as {@code user}, shifts of the next days (the whole answer, errors too). */
    JsonPath ofArea(String user, String areaId) {
        OffsetDateTime now = OffsetDateTime.now();
        return Gateway.queryAs(suite, user, OF_AREA, "a", areaId, "from", now.minusDays(1).toString(),
                "to", now.plusDays(10).toString());
    }

    /** {@code response(id)} as {@code user} (the whole answer, errors too). */
    JsonPath byId(String user, String responseId) {
        OffsetDateTime now = OffsetDateTime.now();
        return Gateway.queryAs(suite, user, BY_ID, "r", responseId, "from", now.minusDays(1).toString(),
                "to", now.plusDays(10).toString());
    }

    /** The community's responses (id, areaId, state), as the system admin. */
    List<Map<String, Object>> ofCommunity(String communityId) {
        JsonPath answer = Gateway.queryAs(suite, "sysadmin", OF_COMMUNITY, "c", communityId);
        assertNull(answer.get("errors"), answer::prettify);
        return answer.getList("data.community.responses");
    }

    /** Every alert addressed to {@code user} (the system admin: all), newest first; unacknowledged ones only if asked. */
    List<Map<String, Object>> alerts(String user, boolean unacknowledgedOnly) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = Gateway.queryAs(suite, user, ALERTS, "only", unacknowledgedOnly, "after", after);
            assertNull(page.get("errors"), page::prettify);
            all.addAll(page.getList("data.alerts.edges.node"));
            after = page.getBoolean("data.alerts.pageInfo.hasNextPage") ? page.getString("data.alerts.pageInfo.endCursor")
                    : null;
        } while (after != null);
        return all;
    }

    /** {@code user}'s alerts about the response of one kind (RESPONSE_OPENED, RESPONSE_CLOSED). */
    List<Map<String, Object>> alertsAbout(String user, String responseId, String kind) {
        return alerts(user, false).stream()
                .filter(a -> responseId.equals(a.get("responseId")) && kind.equals(a.get("kind"))).toList();
    }

    JsonPath acknowledge(String user, String alertId) {
        return Gateway.queryAs(suite, user, ACKNOWLEDGE, "id", alertId);
    }

    /** The plan in force for {@code level} on {@code asOf} (what a response of that level sets up). */
    Map<String, Object> plan(String level, String asOf) {
        JsonPath answer = Gateway.queryAs(suite, "admin-xijia", PLAN, "level", level, "asOf", asOf);
        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> plans = answer.getList("data.responsePlans");
        if (plans.size() != 1) {
            throw new AssertionError("one plan in force for " + level + " on " + asOf + ": " + answer.prettify());
        }
        return plans.get(0);
    }
}
