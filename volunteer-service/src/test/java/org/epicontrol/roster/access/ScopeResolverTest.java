package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Scopes are kept per token for a while (ScopeResolver): what this service adds to a scope — a unit a token's group
 * names, an account linked to a volunteer — counts from the next request on, not after the expiry.
 */
@QuarkusTest
class ScopeResolverTest {

    private static final Supplier<World> WORLD = World.perClass();

    @Test
    void anAccountLinkedAfterItsFirstRequestActsAsItsVolunteerAtOnce() {
        World world = WORLD.get();
        TestTokens account = TestTokens.user("late-" + System.nanoTime()).roles("volunteer");
        GraphQLClient client = RosterFixtures.ANONYMOUS.bearer(account.sign());
        client.post("{ me { id } }", Map.of()).body("data.me", nullValue());

        String volunteer = RosterFixtures.linkedVolunteer(world.communityA, account.subject());

        client.post("{ me { id } }", Map.of()).body("data.me.id", equalTo(volunteer));
        RosterFixtures.signUp(client, world.shift(world.communityA), volunteer)
                .body("errors", nullValue())
                .body("data.signUp.status", equalTo("ACTIVE"));
    }

    @Test
    void anAdministratorWhoseCommunityIsCreatedAfterHisFirstRequestManagesItAtOnce() {
        World world = WORLD.get();
        String district = RosterFixtures.unique("后建区");
        String street = RosterFixtures.unique("后建街道");
        String community = RosterFixtures.unique("后建社区");
        GraphQLClient admin = RosterFixtures.ANONYMOUS.bearer(TestTokens.user("admin-late").roles("community-admin")
                .groups("/" + district + "/" + street + "/" + community).sign());
        String otherCommunitysShift = world.shift(world.communityA);
        admin.post("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"x\") { id } }", Map.of("s", otherCommunitysShift))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        String districtId = RosterFixtures.orgUnit("DISTRICT", district, null);
        String streetId = RosterFixtures.orgUnit("STREET", street, districtId);
        String communityId = RosterFixtures.orgUnit("COMMUNITY", community, streetId);

        admin.post("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"取消\") { cancelled } }",
                        Map.of("s", world.shift(communityId)))
                .body("errors", nullValue())
                .body("data.cancelShift.cancelled", equalTo(true));
    }
}
