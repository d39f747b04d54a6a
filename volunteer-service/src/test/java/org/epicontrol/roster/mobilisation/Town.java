package org.epicontrol.roster.mobilisation;

import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;

/**
 * Two communities A and B of one district, with their administrators and the district's officer signed in with
 * tokens shaped like the realm's (groups name the units by path); people who register themselves get accounts
 * without any role, as the realm's self-registration makes them.
 */
public final class Town {

    public final String communityA;
    public final String communityB;
    public final GraphQLClient adminA;
    public final GraphQLClient adminB;
    public final GraphQLClient officer;

    public Town() {
        String districtName = RosterFixtures.unique("区");
        String streetName = RosterFixtures.unique("街道");
        String aName = RosterFixtures.unique("甲社区");
        String bName = RosterFixtures.unique("乙社区");
        String district = RosterFixtures.orgUnit("DISTRICT", districtName, null);
        String street = RosterFixtures.orgUnit("STREET", streetName, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", aName, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", bName, street);
        String base = "/" + districtName + "/" + streetName + "/";
        adminA = RosterFixtures.ANONYMOUS.bearer(TestTokens.user("admin-a").roles("community-admin").groups(base + aName).sign());
        adminB = RosterFixtures.ANONYMOUS.bearer(TestTokens.user("admin-b").roles("community-admin").groups(base + bName).sign());
        officer = RosterFixtures.ANONYMOUS.bearer(TestTokens.user("officer").roles("district-officer")
                .groups("/" + districtName).sign());
    }

    /** A person's own account as the realm's self-registration creates it: signed in, no role. */
    static Account account(String username) {
        TestTokens token = TestTokens.user(username);
        return new Account(token.subject(), RosterFixtures.ANONYMOUS.bearer(token.sign()),
                RosterFixtures.ANONYMOUS.bearer(TestTokens.user(username).subject(token.subject()).roles("volunteer").sign()));
    }

    /** {@code asVolunteer}: the same account once Keycloak granted it the role volunteer (its next token). */
    record Account(String subject, GraphQLClient client, GraphQLClient asVolunteer) {
    }

    static final String REGISTRATION_FIELDS = "id name kind workUnit skills status decidedBy reason roleGranted"
            + " community { id } volunteer { id name kinds skills }";

    static Map<String, Object> registration(String community, String kind) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("name", RosterFixtures.unique("报到人"));
        input.put("phone", "13900000000");
        input.put("kind", kind);
        input.put("skills", List.of("驾驶"));
        if (kind.equals("IN_SERVICE_PARTY_MEMBER")) {
            input.put("workUnit", "太原市某银行");
        }
        return input;
    }

    static io.restassured.response.ValidatableResponse register(GraphQLClient client, Map<String, Object> input) {
        return client.post("mutation($in: RegistrationInput!) { registerAsVolunteer(input: $in) { "
                + REGISTRATION_FIELDS + " } }", Map.of("in", input));
    }

    static String registered(Account account, String community, String kind) {
        return register(account.client(), registration(community, kind)).extract().path("data.registerAsVolunteer.id");
    }

    static io.restassured.response.ValidatableResponse approve(GraphQLClient client, String registration) {
        return client.post("mutation($id: ID!) { approveRegistration(id: $id) { " + REGISTRATION_FIELDS + " } }",
                Map.of("id", registration));
    }

    /** A volunteer with kinds and skills, created by a system administrator. */
    static String volunteer(String community, List<String> kinds, List<String> skills) {
        return volunteer(community, kinds, skills, null);
    }

    /** The same, linked to the account {@code userId} (null: none). */
    static String volunteer(String community, List<String> kinds, List<String> skills, String userId) {
        Map<String, Object> input = new HashMap<>();
        input.put("userId", userId);
        input.put("name", RosterFixtures.unique("志愿者"));
        input.put("communityId", community);
        input.put("kinds", kinds);
        input.put("skills", skills);
        return GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }", Map.of("in", input))
                .getString("createVolunteer.id");
    }

    private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

    /** The first of {@code count} days no other caller of this JVM uses (offsets for {@link #shift}). */
    static int days(int count) {
        return DAYS.getAndAdd(count);
    }

    /** A shift of the post on a day of 2033 (in the future), hours in the city's zone. */
    static String shift(String post, int day, int fromHour, int toHour) {
        java.time.LocalDate date = java.time.LocalDate.of(2033, 1, 1).plusDays(day);
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post, "s", at(date, fromHour), "e", at(date, toHour)))
                .getString("createShift.id");
    }

    static String at(java.time.LocalDate date, int hour) {
        return String.format("%sT%02d:00:00+08:00", date, hour);
    }
}
