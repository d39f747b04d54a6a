package org.epicontrol.roster.availability;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.mobilisation.Town;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AvailabilityTest {

    private static final String FIELDS = "volunteerId weekly { day startsAt endsAt } exceptions { id from to reason }"
            + " maxHoursPerWeek preferredPostIds";
    private static final String SET_WEEKLY = "mutation($v: ID!, $w: [WeeklyWindowInput!]!) {"
            + " setWeeklyAvailability(volunteerId: $v, windows: $w) { " + FIELDS + " } }";

    private static final List<Map<String, Object>> EVENINGS = List.of(
            Map.of("day", "MONDAY", "startsAt", "20:00", "endsAt", "08:00"),
            Map.of("day", "SATURDAY", "startsAt", "00:00", "endsAt", "00:00"));

    private record Scene(Town town, String own, String colleague, GraphQLClient ownAccount) {
    }

    private static Scene scene() {
        Town town = new Town();
        TestTokens token = TestTokens.user(RosterFixtures.unique("vol")).roles("volunteer");
        String own = RosterFixtures.linkedVolunteer(town.communityA, token.subject(), "RESIDENT");
        String colleague = RosterFixtures.volunteer(town.communityA, "RESIDENT");
        return new Scene(town, own, colleague, RosterFixtures.ANONYMOUS.bearer(token.sign()));
    }

    @Test
    void aVolunteerKeepsTheirOwnWeeklyWindowsExceptionsAndPreferences() {
        Scene s = scene();
        s.ownAccount().post(SET_WEEKLY, Map.of("v", s.own(), "w", EVENINGS))
                .body("errors", nullValue())
                .body("data.setWeeklyAvailability.weekly.day", contains("MONDAY", "SATURDAY"));
        s.ownAccount().post("mutation($v: ID!, $f: DateTime!, $t: DateTime!) { addAvailabilityException(volunteerId: $v,"
                                + " from: $f, to: $t, reason: \"住院\") { " + FIELDS + " } }",
                        Map.of("v", s.own(), "f", "2034-05-01T00:00:00+08:00", "t", "2034-05-04T00:00:00+08:00"))
                .body("errors", nullValue())
                .body("data.addAvailabilityException.exceptions", hasSize(1));
        String post = RosterFixtures.post(s.town().communityA, "PATROL", 1);
        s.ownAccount().post("mutation($v: ID!, $p: [String!]!) { setRosterPreferences(volunteerId: $v, maxHoursPerWeek: 24,"
                        + " preferredPostIds: $p) { " + FIELDS + " } }", Map.of("v", s.own(), "p", List.of(post)))
                .body("errors", nullValue())
                .body("data.setRosterPreferences.maxHoursPerWeek", equalTo(24))
                .body("data.setRosterPreferences.preferredPostIds", contains(post));
        s.ownAccount().post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { " + FIELDS + " } }",
                        Map.of("v", s.own()))
                .body("data.volunteerAvailability.weekly", hasSize(2))
                .body("data.volunteerAvailability.exceptions[0].reason", equalTo("住院"));
    }

    @Test
    void aVolunteerCannotReadOrEditAColleaguesAndNothingChanges() {
        Scene s = scene();
        s.ownAccount().post(SET_WEEKLY, Map.of("v", s.colleague(), "w", EVENINGS))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        s.ownAccount().post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { " + FIELDS + " } }",
                        Map.of("v", s.colleague()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { weekly { day } } }",
                Map.of("v", s.colleague())).body("data.volunteerAvailability.weekly", hasSize(0));
    }

    @Test
    void theCommunitysAdminKeepsItsVolunteersAnotherCommunitysAdminIsRefused() {
        Scene s = scene();
        s.town().adminA.post(SET_WEEKLY, Map.of("v", s.colleague(), "w", EVENINGS)).body("errors", nullValue());
        s.town().adminB.post(SET_WEEKLY, Map.of("v", s.colleague(), "w", List.of()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        s.town().adminB.post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { weekly { day } } }",
                Map.of("v", s.colleague())).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { weekly { day } } }",
                Map.of("v", s.colleague())).body("data.volunteerAvailability.weekly", hasSize(2));
    }

    @Test
    void badInputIsATypedErrorAndChangesNothing() {
        Scene s = scene();
        s.ownAccount().post("mutation($v: ID!, $f: DateTime!, $t: DateTime!) { addAvailabilityException(volunteerId: $v,"
                                + " from: $f, to: $t) { volunteerId } }",
                        Map.of("v", s.own(), "f", "2034-05-04T00:00:00+08:00", "t", "2034-05-01T00:00:00+08:00"))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        String otherCommunitysPost = RosterFixtures.post(s.town().communityB, "PATROL", 1);
        s.ownAccount().post("mutation($v: ID!, $p: [String!]!) { setRosterPreferences(volunteerId: $v, preferredPostIds: $p)"
                        + " { volunteerId } }", Map.of("v", s.own(), "p", List.of(otherCommunitysPost)))
                .body("errors[0].extensions.code", equalTo("POST_NOT_IN_COMMUNITY"));
        s.ownAccount().post("query($v: ID!) { volunteerAvailability(volunteerId: $v) { " + FIELDS + " } }",
                        Map.of("v", s.own()))
                .body("data.volunteerAvailability.exceptions", hasSize(0))
                .body("data.volunteerAvailability.preferredPostIds", hasSize(0));
    }
}
