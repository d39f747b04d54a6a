package org.epicontrol.roster;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.epicontrol.testsupport.PackagedServiceResource;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.ANONYMOUS;
import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The packaged volunteer-service (the jar, or the native executable under -Pnative), production profile, on the
 * embedded PostgreSQL: it starts, migrates, reports healthy (its notice-feed consumer running, against a feed that is
 * not there), checks tokens, and answers reads and the sign-up write. Keycloak's admin API is off: no grants here.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedServiceResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "volunteers"),
        @ResourceArg(name = "notice-feed.url", value = "http://localhost:1/graphql"),
        @ResourceArg(name = "notice-feed.alert-after", value = "1000000"),
        @ResourceArg(name = "keycloak-admin.enabled", value = "false")})
class PackagedVolunteerServiceIT {

    @Test
    void isLiveAndReadyWithItsFeedConsumerRunning() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health").then().body("checks.name", hasItem("notice-feed"))
                .body("checks.find { it.name == 'notice-feed' }.data.role", not(equalTo("off")));
    }

    @Test
    void aSignUpIsStoredAndAFullShiftRefusesTheNextPerson() {
        String community = RosterFixtures.community();
        String shift = RosterFixtures.rotation(RosterFixtures.post(community, "PATROL", 1), 1, 12).get(0);
        RosterFixtures.signUp(shift, RosterFixtures.volunteer(community))
                .body("errors", nullValue())
                .body("data.signUp.status", equalTo("ACTIVE"));
        RosterFixtures.signUp(shift, RosterFixtures.volunteer(community))
                .body("errors[0].extensions.code", equalTo("SHIFT_FULL"));
        GRAPHQL.post("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", shift))
                .body("errors", nullValue())
                .body("data.shift.assignments", hasSize(1));
    }

    @Test
    void anonymousCallersAreAskedToSignInForPeople() {
        String volunteer = RosterFixtures.volunteer(RosterFixtures.community());
        ANONYMOUS.post("query($v: ID!) { volunteer(id: $v) { name phone } }", Map.of("v", volunteer))
                .body("data.volunteer", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = TestTokens.tampered(TestTokens.user("val").roles("volunteer").sign());
        RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(401);
    }
}
