package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A volunteer's phone reaches only the administrators of their community and system administrators. */
@QuarkusTest
class PhoneTest {

    private static final String VOLUNTEER = "query($v: ID!) { volunteer(id: $v) { name phone } }";
    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { id name phone } } }""";
    private static final Supplier<World> WORLD = World.perClass();

    static World world() {
        return WORLD.get();
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"SYSTEM_ADMIN", "ADMIN_OF_A"})
    void administratorsOfTheCommunitySeeThePhone(Who who) {
        world().as(who).post(VOLUNTEER, Map.of("v", world().volunteerA))
                .body("errors", nullValue())
                .body("data.volunteer.phone", equalTo("13800000000"));
        entities(who).body("errors", nullValue()).body("data._entities[0].phone", equalTo("13800000000"));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"OFFICER_OF_DISTRICT", "VOLUNTEER_OF_A", "GRID_WORKER_OF_A"})
    void whoMayReadTheVolunteerStillGetsNoPhone(Who who) {
        world().as(who).post(VOLUNTEER, Map.of("v", world().volunteerA))
                .body("data.volunteer.name", notNullValue())
                .body("data.volunteer.phone", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", equalTo(List.of("volunteer", "phone")));
    }

    @Test
    void theVolunteerDoesNotSeeHisOwnPhoneThroughMeEither() {
        world().as(Who.VOLUNTEER_OF_A).post("{ me { id phone } }")
                .body("data.me.id", equalTo(world().volunteerA))
                .body("data.me.phone", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void thePhoneDoesNotLeakThroughFederationEntities() {
        entities(Who.OFFICER_OF_DISTRICT)
                .body("data._entities[0].name", notNullValue())
                .body("data._entities[0].phone", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", equalTo(List.of("_entities", 0, "phone")));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ADMIN_OF_B", "OFFICER_ELSEWHERE", "VOLUNTEER_OF_B", "GRID_WORKER_OF_B",
            "NOTICE_EDITOR"})
    void outsidersGetNeitherTheVolunteerNorThePhone(Who who) {
        entities(who)
                .body("data._entities[0]", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(who).post(VOLUNTEER, Map.of("v", world().volunteerA))
                .body("data.volunteer", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        entities(Who.ANONYMOUS).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        world().as(Who.ANONYMOUS).post(VOLUNTEER, Map.of("v", world().volunteerA))
                .body("data.volunteer", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    private static ValidatableResponse entities(Who who) {
        return world().as(who).post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Volunteer", "id", world().volunteerA))));
    }
}
