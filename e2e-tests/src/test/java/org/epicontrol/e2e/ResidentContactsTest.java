package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Residents' names and phones through the gateway with real tokens: only for the staff of their community and the
 * grid worker and captain of their building. The district's officer reads the register but not the contacts (null
 * with FORBIDDEN at each contact field, the rest answered); another community's admin reads nothing of it.
 */
@ExtendWith(SuiteExtension.class)
class ResidentContactsTest {

    private static final String ONE = """
            query($id: ID!) { household(id: $id) { id room headCount contactName contactPhone } }""";
    private static final String LIST = """
            query($u: ID!) { households(unitId: $u, first: 20) { totalCount edges { node { id room contactName contactPhone } } } }""";

    private static HouseholdBuilding building;

    private final RunningSuite suite;

    ResidentContactsTest(RunningSuite suite) {
        this.suite = suite;
    }

    @BeforeAll
    static void aBuildingWithItsHouseholdsAndCaptain(RunningSuite suite) {
        building = HouseholdBuilding.create(suite, "书林苑22号楼");
    }

    @Test
    void theCommunitysAdminTheGridWorkerAndTheCaptainReadTheContacts() {
        String household = building.households.get(0).id();
        for (String reader : List.of(HouseholdBuilding.ADMIN, HouseholdBuilding.GRID_WORKER, HouseholdBuilding.CAPTAIN)) {
            JsonPath one = Gateway.queryAs(suite, reader, ONE, "id", household);
            assertNull(one.get("errors"), () -> reader + ": " + one.prettify());
            assertEquals("张桂兰", one.getString("data.household.contactName"), () -> reader + ": " + one.prettify());
            assertEquals("13903510101", one.getString("data.household.contactPhone"), () -> reader + ": " + one.prettify());
            JsonPath list = Gateway.queryAs(suite, reader, LIST, "u", building.id);
            assertNull(list.get("errors"), () -> reader + ": " + list.prettify());
            assertEquals(8, list.getList("data.households.edges.node.contactPhone").stream().filter(Objects::nonNull).count(),
                    () -> reader + ": " + list.prettify());
        }
    }

    @Test
    void theDistrictOfficerReadsTheRegisterButEachContactIsNullWithForbiddenAtItsField() {
        String household = building.households.get(0).id();
        JsonPath one = Gateway.queryAs(suite, "officer", ONE, "id", household);
        assertEquals(household, one.getString("data.household.id"), one::prettify);
        assertNull(one.get("data.household.contactName"), one::prettify);
        assertNull(one.get("data.household.contactPhone"), one::prettify);
        assertEquals(List.of(List.of("household", "contactName"), List.of("household", "contactPhone")),
                one.getList("errors.path").stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList(),
                one::prettify);
        assertEquals(List.of("FORBIDDEN"), one.getList("errors.extensions.code").stream().distinct().toList());

        JsonPath list = Gateway.queryAs(suite, "officer", LIST, "u", building.id);
        assertEquals(8, list.getInt("data.households.totalCount"), list::prettify);
        List<Map<String, Object>> nodes = list.getList("data.households.edges.node");
        assertTrue(nodes.stream().allMatch(n -> n.get("room") != null && n.get("contactName") == null
                && n.get("contactPhone") == null), list::prettify);
        assertEquals(16, list.getList("errors").size(), list::prettify);
        assertEquals(List.of("FORBIDDEN"), list.getList("errors.extensions.code").stream().distinct().toList());
    }

    @Test
    void anotherCommunitysAdminGetsNothingOfTheRegister() {
        String household = building.households.get(0).id();
        JsonPath one = Gateway.queryAs(suite, "admin-nanneihuan", ONE, "id", household);
        assertNull(one.get("data.household"), one::prettify);
        assertEquals("FORBIDDEN", one.getString("errors[0].extensions.code"), one::prettify);
        JsonPath list = Gateway.queryAs(suite, "admin-nanneihuan", LIST, "u", building.id);
        assertNull(list.get("data.households"), list::prettify);
        assertNotNull(list.get("errors"), list::prettify);
        assertEquals("FORBIDDEN", list.getString("errors[0].extensions.code"), list::prettify);
        assertFalse(list.prettify().contains("1390351"), "no phone of the register in the answer: " + list.prettify());
        assertFalse(one.prettify().contains("张桂兰"), one::prettify);
    }
}
