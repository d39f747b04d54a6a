package org.epicontrol.roster.org;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** {@code myUnits}: where a signed-in person's work is, from their token's groups and their volunteer's own data. */
@QuarkusTest
class MyUnitsTest {

    private static final String MY_UNITS = "{ myUnits { id kind name } }";

    @Test
    void aCommunityAdminGetsTheCommunityHerGroupNames() {
        String district = RosterFixtures.unique("区");
        String street = RosterFixtures.unique("街道");
        String community = RosterFixtures.unique("社区");
        String districtId = RosterFixtures.orgUnit("DISTRICT", district, null);
        String streetId = RosterFixtures.orgUnit("STREET", street, districtId);
        String communityId = RosterFixtures.orgUnit("COMMUNITY", community, streetId);

        RosterFixtures.ANONYMOUS.bearer(TestTokens.user("admin-" + community).roles("community-admin")
                        .groups("/" + district + "/" + street + "/" + community).sign())
                .post(MY_UNITS, Map.of())
                .body("data.myUnits.id", equalTo(List.of(communityId)))
                .body("data.myUnits.kind", equalTo(List.of("COMMUNITY")));
    }

    @Test
    void aVolunteerGetsHisCommunityAndTheBuildingHeIsCaptainOfMostGeneralFirst() {
        String districtId = RosterFixtures.orgUnit("DISTRICT", RosterFixtures.unique("区"), null);
        String communityId = RosterFixtures.orgUnit("COMMUNITY", RosterFixtures.unique("社区"),
                RosterFixtures.orgUnit("STREET", RosterFixtures.unique("街道"), districtId));
        String gridId = RosterFixtures.orgUnit("GRID", RosterFixtures.unique("网格"), communityId);
        String buildingId = RosterFixtures.orgUnit("BUILDING", RosterFixtures.unique("1号楼"), gridId);
        TestTokens token = TestTokens.user(RosterFixtures.unique("captain")).roles("volunteer");
        String volunteer = RosterFixtures.linkedVolunteer(communityId, token.subject());
        GRAPHQL.data("mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v,"
                + " role: \"BUILDING_CAPTAIN\") { id } }", Map.of("u", buildingId, "v", volunteer));

        RosterFixtures.ANONYMOUS.bearer(token.sign()).post(MY_UNITS, Map.of())
                .body("data.myUnits.id", equalTo(List.of(communityId, buildingId)))
                .body("data.myUnits.kind", equalTo(List.of("COMMUNITY", "BUILDING")));
    }

    @Test
    void anAccountWithoutGroupOrVolunteerHasNoUnitsAndAnonymousIsUnauthenticated() {
        RosterFixtures.ANONYMOUS.bearer(TestTokens.user(RosterFixtures.unique("new")).sign()).post(MY_UNITS, Map.of())
                .body("data.myUnits", empty());
        RosterFixtures.ANONYMOUS.post(MY_UNITS, Map.of())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }
}
