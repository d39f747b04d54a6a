package org.epicontrol.roster.mobilisation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CallOutTest {

    private static final String FIGURES = "id status invited answered accepted gapHours filledHours";

    /** A community with volunteers of different kinds, skills and teams, and a post with three coming shifts. */
    private static final class Scene {
        final Town town = new Town();
        final int day = Town.days(4);
        final TestTokens partyToken = TestTokens.user("party-driver").roles("volunteer");
        final String partyDriver = Town.volunteer(town.communityA, List.of("PARTY_MEMBER"), List.of("驾驶"), partyToken.subject());
        final String partyWalker = Town.volunteer(town.communityA, List.of("PARTY_MEMBER"), List.of());
        final String residentDriver = Town.volunteer(town.communityA, List.of("RESIDENT"), List.of("驾驶", "医护"));
        final String inactive = Town.volunteer(town.communityA, List.of("PARTY_MEMBER"), List.of("驾驶"));
        final String otherCommunity = Town.volunteer(town.communityB, List.of("PARTY_MEMBER"), List.of("驾驶"));
        final String team = GRAPHQL.data("mutation($n: String!, $c: ID!) { createTeam(name: $n, communityId: $c,"
                        + " kind: PARTY_TEAM) { id } }", Map.of("n", RosterFixtures.unique("突击队"), "c", town.communityA))
                .getString("createTeam.id");
        final String post = RosterFixtures.post(town.communityA, "PATROL", 1);
        final String first = Town.shift(post, day, 8, 16);
        final String second = Town.shift(post, day + 1, 8, 16);
        final String third = Town.shift(post, day + 2, 8, 16);
        final GraphQLClient partyDriverAccount = RosterFixtures.ANONYMOUS.bearer(partyToken.sign());

        Scene() {
            for (String member : List.of(partyDriver, residentDriver)) {
                GRAPHQL.data("mutation($t: ID!, $v: ID!) { addTeamMember(teamId: $t, volunteerId: $v) { id } }",
                        Map.of("t", team, "v", member));
            }
            GRAPHQL.data("mutation($v: ID!) { deactivateVolunteer(id: $v, reason: \"病休\") { id } }", Map.of("v", inactive));
        }

        String from() {
            return Town.at(LocalDate.of(2033, 1, 1).plusDays(day), 0);
        }

        String to() {
            return Town.at(LocalDate.of(2033, 1, 1).plusDays(day + 3), 0);
        }

        Map<String, Object> call() {
            Map<String, Object> input = new HashMap<>();
            input.put("communityId", town.communityA);
            input.put("postId", post);
            input.put("from", from());
            input.put("to", to());
            input.put("message", "书林苑北门卡口缺人，请党员报名");
            return input;
        }

        String callOut(Map<String, Object> input) {
            return town.adminA.data("mutation($in: CallOutInput!) { callOut(input: $in) { id } }", Map.of("in", input))
                    .getString("callOut.id");
        }

        List<String> invited(String callOut) {
            return GRAPHQL.data("query($k: ID!) { callOut(id: $k) { answers { volunteer { id } } } }", Map.of("k", callOut))
                    .getList("callOut.answers.volunteer.id");
        }
    }

    @Test
    void thePoolIsTheCommunitysActiveVolunteersMatchingEveryGivenCriterion() {
        Scene s = new Scene();
        Map<String, Object> byKind = s.call();
        byKind.put("kinds", List.of("PARTY_MEMBER"));
        assertEquals(List.of(s.partyDriver, s.partyWalker), s.invited(s.callOut(byKind)));
        Map<String, Object> bySkill = s.call();
        bySkill.put("skills", List.of("驾驶"));
        assertEquals(List.of(s.partyDriver, s.residentDriver), s.invited(s.callOut(bySkill)));
        Map<String, Object> byTwoSkills = s.call();
        byTwoSkills.put("skills", List.of("驾驶", "医护"));
        assertEquals(List.of(s.residentDriver), s.invited(s.callOut(byTwoSkills)));
        Map<String, Object> byTeam = s.call();
        byTeam.put("teamId", s.team);
        assertEquals(List.of(s.partyDriver, s.residentDriver), s.invited(s.callOut(byTeam)));
        Map<String, Object> all = s.call();
        all.put("kinds", List.of("PARTY_MEMBER"));
        all.put("skills", List.of("驾驶"));
        all.put("teamId", s.team);
        assertEquals(List.of(s.partyDriver), s.invited(s.callOut(all)));
        assertEquals(List.of(s.partyDriver, s.partyWalker, s.residentDriver), s.invited(s.callOut(s.call())));
    }

    @Test
    void anAcceptedAnswerSignsUpUnderTheRosterRulesKeepingTheShiftsThatPass() {
        Scene s = new Scene();
        // the second shift is taken before the call goes out; the first overlaps a shift the person already has
        RosterFixtures.signUp(s.second, s.partyWalker).body("errors", nullValue());
        String elsewhere = RosterFixtures.post(s.town.communityA, "CHECKPOINT", 2);
        String overlapping = Town.shift(elsewhere, s.day, 10, 14);
        RosterFixtures.signUp(overlapping, s.partyDriver).body("errors", nullValue());
        String callOut = s.callOut(s.call());
        // two 8 h shifts of one place each still empty
        figures(callOut).body("data.callOut.gapHours", equalTo(16.0f)).body("data.callOut.filledHours", equalTo(0.0f));

        JsonPath answer = answer(s.partyDriverAccount, callOut, s.partyDriver, true,
                List.of(s.first, s.second, s.third, overlapping)).extract().jsonPath();
        assertEquals((Object) null, answer.get("errors"));
        assertEquals(true, answer.getBoolean("data.answerCallOut.accepted"));
        Map<String, String> refused = new HashMap<>();
        List<Map<String, String>> list = answer.getList("data.answerCallOut.refused");
        list.forEach(r -> refused.put(r.get("shiftId"), r.get("code")));
        assertEquals(Map.of(s.first, "OVERLAPPING_SHIFT", s.second, "SHIFT_FULL", overlapping, "SHIFT_NOT_IN_CALL_OUT"),
                refused);
        assertEquals(List.of("ACTIVE"), answer.getList("data.answerCallOut.assignments.status"));
        GRAPHQL.post("query($s: ID!) { shift(id: $s) { assignments { volunteer { id } status source } } }",
                        Map.of("s", s.third))
                .body("data.shift.assignments.volunteer.id", contains(s.partyDriver))
                .body("data.shift.assignments.source", contains("SIGN_UP"));
        GRAPHQL.post("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", s.first))
                .body("data.shift.assignments", empty());
        figures(callOut)
                .body("data.callOut.invited", equalTo(3))
                .body("data.callOut.answered", equalTo(1))
                .body("data.callOut.accepted", equalTo(1))
                .body("data.callOut.gapHours", equalTo(16.0f))
                .body("data.callOut.filledHours", equalTo(8.0f));
    }

    @Test
    void answeringAgainChangesTheAnswerButALaterNoKeepsTheSignUps() {
        Scene s = new Scene();
        String callOut = s.callOut(s.call());
        answer(s.partyDriverAccount, callOut, s.partyDriver, true, List.of(s.third)).body("errors", nullValue());
        answer(s.partyDriverAccount, callOut, s.partyDriver, false, null)
                .body("data.answerCallOut.accepted", equalTo(false))
                .body("data.answerCallOut.assignments.status", contains("ACTIVE"));
        figures(callOut).body("data.callOut.accepted", equalTo(0)).body("data.callOut.answered", equalTo(1))
                .body("data.callOut.filledHours", equalTo(8.0f));
        answer(GRAPHQL, callOut, s.partyWalker, false, List.of(s.first))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void onlyTheInvitedAnswerThemselvesOrAnAdministratorForThem() {
        Scene s = new Scene();
        Map<String, Object> input = s.call();
        input.put("kinds", List.of("PARTY_MEMBER"));
        String callOut = s.callOut(input);
        // not in the pool
        answer(s.town.adminA, callOut, s.residentDriver, true, List.of(s.third))
                .body("errors[0].extensions.code", equalTo("NOT_INVITED"));
        // another volunteer's account cannot answer for the invited
        TestTokens walkerToken = TestTokens.user("walker").roles("volunteer");
        String linked = Town.volunteer(s.town.communityA, List.of("PARTY_MEMBER"), List.of(), walkerToken.subject());
        answer(RosterFixtures.ANONYMOUS.bearer(walkerToken.sign()), callOut, s.partyDriver, true, List.of(s.third))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // the administrator of another community neither
        answer(s.town.adminB, callOut, s.partyDriver, true, List.of(s.third))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        figures(callOut).body("data.callOut.answered", equalTo(0));
        GRAPHQL.post("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", s.third))
                .body("data.shift.assignments", empty());
        // the administrator for him
        answer(s.town.adminA, callOut, s.partyWalker, true, List.of(s.third)).body("errors", nullValue())
                .body("data.answerCallOut.assignments", hasSize(1));
        assertEquals(false, linked.isEmpty());
    }

    @Test
    void aClosedCallOutTakesNoAnswers() {
        Scene s = new Scene();
        String callOut = s.callOut(s.call());
        s.town.adminB.post("mutation($k: ID!) { closeCallOut(id: $k) { id } }", Map.of("k", callOut))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        s.town.adminA.post("mutation($k: ID!) { closeCallOut(id: $k) { status } }", Map.of("k", callOut))
                .body("data.closeCallOut.status", equalTo("CLOSED"));
        s.town.adminA.post("mutation($k: ID!) { closeCallOut(id: $k) { status } }", Map.of("k", callOut))
                .body("errors[0].extensions.code", equalTo("CALL_OUT_CLOSED"));
        answer(s.partyDriverAccount, callOut, s.partyDriver, true, List.of(s.third))
                .body("errors[0].extensions.code", equalTo("CALL_OUT_CLOSED"));
        figures(callOut).body("data.callOut.answered", equalTo(0));
    }

    @Test
    void aDeactivatedVolunteerLeavesOpenCallOutsAndTheirComingSignUpsEnd() {
        Scene s = new Scene();
        String open = s.callOut(s.call());
        answer(GRAPHQL, open, s.partyWalker, true, List.of(s.third)).body("errors", nullValue());
        String closed = s.callOut(s.call());
        GRAPHQL.data("mutation($k: ID!) { closeCallOut(id: $k) { id } }", Map.of("k", closed));
        GRAPHQL.data("mutation($v: ID!) { deactivateVolunteer(id: $v, reason: \"返岗\") { id } }", Map.of("v", s.partyWalker));
        assertEquals(List.of(s.partyDriver, s.residentDriver), s.invited(open));
        figures(open).body("data.callOut.accepted", equalTo(0)).body("data.callOut.filledHours", equalTo(0.0f));
        // a closed call keeps its history
        assertEquals(List.of(s.partyDriver, s.partyWalker, s.residentDriver), s.invited(closed));
    }

    @Test
    void aCallOutIsReadByTheCommunityAndWhoAnsweredWhatByItsStaffOnly() {
        Scene s = new Scene();
        String callOut = s.callOut(s.call());
        String read = "query($k: ID!) { callOut(id: $k) { id message post { id } community { id } answers { accepted } } }";
        s.town.adminA.post(read, Map.of("k", callOut)).body("data.callOut.answers", hasSize(3))
                .body("data.callOut.post.id", equalTo(s.post));
        s.town.officer.post(read, Map.of("k", callOut)).body("data.callOut.answers", hasSize(3));
        s.partyDriverAccount.post(read, Map.of("k", callOut))
                .body("data.callOut.id", equalTo(callOut))
                .body("data.callOut.answers", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", contains("callOut", "answers"));
        s.town.adminB.post(read, Map.of("k", callOut)).body("data.callOut", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        String list = "query($c: ID!, $o: Boolean) { callOuts(communityId: $c, openOnly: $o) { id } }";
        String closed = s.callOut(s.call());
        GRAPHQL.data("mutation($k: ID!) { closeCallOut(id: $k) { id } }", Map.of("k", closed));
        s.town.adminA.post(list, Map.of("c", s.town.communityA)).body("data.callOuts.id", containsInAnyOrder(callOut, closed));
        s.partyDriverAccount.post(list, Map.of("c", s.town.communityA, "o", true)).body("data.callOuts.id", contains(callOut));
        s.town.adminB.post(list, Map.of("c", s.town.communityA)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aVolunteerSeesTheCallOutsTheyAreInvitedToAndTheirOwnAnswer() {
        Scene s = new Scene();
        Map<String, Object> forDrivers = s.call();
        forDrivers.put("skills", List.of("驾驶"));
        String invited = s.callOut(forDrivers);
        Map<String, Object> forResidents = s.call();
        forResidents.put("kinds", List.of("RESIDENT"));
        s.callOut(forResidents);
        answer(s.partyDriverAccount, invited, s.partyDriver, true, List.of(s.third));
        s.partyDriverAccount.post("{ myCallOuts { id myAnswer { accepted assignments { status } } } }")
                .body("data.myCallOuts.id", contains(invited))
                .body("data.myCallOuts[0].myAnswer.accepted", equalTo(true))
                .body("data.myCallOuts[0].myAnswer.assignments.status", contains("ACTIVE"));
        s.town.adminA.post("{ myCallOuts { id } }").body("data.myCallOuts", empty());
    }

    @Test
    void badCallOutsAreRefusedAndNothingIsStored() {
        Scene s = new Scene();
        Map<String, Object> backwards = s.call();
        backwards.put("from", s.to());
        backwards.put("to", s.from());
        callOut(s.town.adminA, backwards).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        Map<String, Object> both = s.call();
        both.put("responseId", "1");
        callOut(s.town.adminA, both).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        Map<String, Object> foreignPost = s.call();
        foreignPost.put("postId", RosterFixtures.post(s.town.communityB, "PATROL", 1));
        callOut(s.town.adminA, foreignPost).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        callOut(GRAPHQL, foreignPost).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        callOut(s.town.adminB, s.call()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        s.town.adminA.post("query($c: ID!) { callOuts(communityId: $c) { id } }", Map.of("c", s.town.communityA))
                .body("data.callOuts", empty());
    }

    private static io.restassured.response.ValidatableResponse callOut(GraphQLClient client, Map<String, Object> input) {
        return client.post("mutation($in: CallOutInput!) { callOut(input: $in) { id } }", Map.of("in", input));
    }

    private static io.restassured.response.ValidatableResponse figures(String callOut) {
        return GRAPHQL.post("query($k: ID!) { callOut(id: $k) { " + FIGURES + " } }", Map.of("k", callOut));
    }

    private static io.restassured.response.ValidatableResponse answer(GraphQLClient client, String callOut, String volunteer,
                                                                     boolean accept, List<String> shifts) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("k", callOut);
        vars.put("v", volunteer);
        vars.put("a", accept);
        if (shifts != null) {
            vars.put("s", shifts);
        }
        return client.post("mutation($k: ID!, $v: ID!, $a: Boolean!, $s: [String!]) { answerCallOut(callOutId: $k,"
                + " volunteerId: $v, accept: $a, shiftIds: $s) { accepted answeredAt refused { shiftId code message }"
                + " assignments { id status } } }", vars);
    }
}
