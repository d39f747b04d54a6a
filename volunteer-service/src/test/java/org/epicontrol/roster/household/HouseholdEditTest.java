package org.epicontrol.roster.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.household.HouseholdWorld.Who;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.household.HouseholdWorld.CREATE;
import static org.epicontrol.roster.household.HouseholdWorld.HOUSEHOLD;
import static org.epicontrol.roster.household.HouseholdWorld.REMOVE;
import static org.epicontrol.roster.household.HouseholdWorld.UPDATE;
import static org.epicontrol.roster.household.HouseholdWorld.input;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** createHousehold, updateHousehold, removeHousehold: values written one way, bad ones refused, doors unique. */
@QuarkusTest
class HouseholdEditTest {

    private static final Supplier<HouseholdWorld> WORLD = HouseholdWorld.perClass();

    private static HouseholdWorld world() {
        return WORLD.get();
    }

    @Test
    void aCreatedHouseholdIsStoredWithItsDoorWrittenOneWay() {
        Map<String, Object> in = input(world().building, "０２ 单元", "３０１室", 4);
        in.put("needs", List.of("ELDERLY_ALONE", "INFANT", "ELDERLY_ALONE"));
        in.put("contactPhone", "１３９-0000-1111");
        JsonPath created = world().as(Who.ADMIN_OF_A).data(CREATE, Map.of("in", in));
        assertEquals("2单元", created.getString("createHousehold.unitLabel"));
        assertEquals("301", created.getString("createHousehold.room"));
        assertEquals(List.of("ELDERLY_ALONE", "INFANT"), created.getList("createHousehold.needs"));
        assertEquals("139-0000-1111", created.getString("createHousehold.contactPhone"));
        assertEquals(world().building, created.getString("createHousehold.building.id"));
        GRAPHQL.post(HOUSEHOLD, Map.of("id", created.getString("createHousehold.id")))
                .body("data.household.room", equalTo("301"))
                .body("data.household.headCount", equalTo(4))
                .body("data.household.active", equalTo(true));
    }

    @Test
    void unitWrittenAsANumberOrWithItsSuffixIsTheSameDoor() {
        GRAPHQL.data(CREATE, Map.of("in", input(world().building, "7", "101", 2)));
        GRAPHQL.post(CREATE, Map.of("in", input(world().building, "7单元", "101室", 2)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("DUPLICATE_HOUSEHOLD"));
    }

    @Test
    void aDoorOfARemovedHouseholdCanBeTakenAgain() {
        String id = world().household(world().building, "902");
        GRAPHQL.post(REMOVE, Map.of("id", id, "r", "搬走")).body("data.removeHousehold.active", equalTo(false));
        GRAPHQL.post(CREATE, Map.of("in", input(world().building, "1", "902", 1)))
                .body("errors", nullValue()).body("data.createHousehold.active", equalTo(true));
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Map<String, Object>> cases = Map.of(
                "headCount", with("headCount", 51),
                "contactPhone", with("contactPhone", "call me"),
                "room", with("room", "  "),
                "note", with("note", "x".repeat(501)),
                "buildingId", with("buildingId", world().gridA1));
        cases.forEach((field, in) -> GRAPHQL.post(CREATE, Map.of("in", in))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"))
                .body("errors[0].message", containsString(field)));
        GRAPHQL.post("query($u: ID!) { households(unitId: $u) { edges { node { room } } } }",
                        Map.of("u", world().buildingA1Two))
                .body("data.households.edges", equalTo(List.of()));
    }

    @Test
    void anUpdateReplacesTheValuesAndMovesTheVersionOn() {
        String id = world().household(world().building, "501");
        Map<String, Object> in = input(world().building, "1", "502", 5);
        in.put("contactName", null);
        in.put("version", 0);
        GRAPHQL.post(UPDATE, Map.of("id", id, "in", in))
                .body("errors", nullValue())
                .body("data.updateHousehold.room", equalTo("502"))
                .body("data.updateHousehold.headCount", equalTo(5))
                .body("data.updateHousehold.contactName", nullValue())
                .body("data.updateHousehold.version", equalTo(1));
    }

    @Test
    void anUpdateMadeOnAStaleVersionIsAConflictAndChangesNothing() {
        String id = world().household(world().building, "601");
        GRAPHQL.data(UPDATE, Map.of("id", id, "in", withVersion(input(world().building, "1", "601", 6), 0)));
        GRAPHQL.post(UPDATE, Map.of("id", id, "in", withVersion(input(world().building, "1", "601", 9), 0)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        GRAPHQL.post(HOUSEHOLD, Map.of("id", id)).body("data.household.headCount", equalTo(6));
    }

    @Test
    void aRemovedHouseholdCannotBeUpdatedAndARemovalNeedsAReason() {
        String id = world().household(world().building, "701");
        GRAPHQL.post(REMOVE, Map.of("id", id, "r", " ")).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.data(REMOVE, Map.of("id", id, "r", "合户"));
        GRAPHQL.post(UPDATE, Map.of("id", id, "in", input(world().building, "1", "701", 1)))
                .body("errors[0].extensions.code", equalTo("HOUSEHOLD_REMOVED"));
    }

    @Test
    void unknownHouseholdsAreNotFound() {
        GRAPHQL.post(UPDATE, Map.of("id", "987654321", "in", input(world().building, "1", "1", 1)))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> in = input(world().buildingA1Two, "1", "101", 2);
        in.put(field, value);
        return in;
    }

    private static Map<String, Object> withVersion(Map<String, Object> in, int version) {
        in.put("version", version);
        return in;
    }
}
