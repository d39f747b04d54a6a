package org.epicontrol.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleTest {

    private static final List<String> XIJIA = List.of("小店区", "平阳路街道", "西贾社区");
    private static final List<String> NANNEIHUAN = List.of("小店区", "平阳路街道", "南内环社区");
    private static final Owner XIJIA_SHIFT = Owner.unit(XIJIA);
    private static final Owner XIJIA_GRID_TASK = Owner.unit(List.of("小店区", "平阳路街道", "西贾社区", "西贾社区第一网格"));

    private static final Caller ADMIN_XIJIA = caller("community-admin", XIJIA);
    private static final Caller ADMIN_NANNEIHUAN = caller("community-admin", NANNEIHUAN);
    private static final Caller OFFICER = caller("district-officer", List.of("小店区"));
    private static final Caller GRID_WORKER = caller("grid-worker", XIJIA_GRID_TASK.unitPath());
    private static final Caller EDITOR = new Caller("editor", Set.of("notice-editor"), List.of(), null);
    private static final Caller SYSADMIN = new Caller("sysadmin", Set.of("system-admin"), List.of(), null);

    @Test
    void scopedRulesAllowTheRoleOverTheObjectsUnitOnly() {
        Rule staff = Rule.parse("scoped:community-admin,district-officer");
        assertTrue(staff.allows(ADMIN_XIJIA, XIJIA_SHIFT));
        assertTrue(staff.allows(OFFICER, XIJIA_SHIFT));
        assertTrue(staff.allows(ADMIN_XIJIA, XIJIA_GRID_TASK), "a unit below the community");
        assertFalse(staff.allows(ADMIN_NANNEIHUAN, XIJIA_SHIFT), "another community's admin");
        assertFalse(staff.allows(EDITOR, XIJIA_SHIFT));
        assertFalse(staff.allows(Caller.ANONYMOUS, XIJIA_SHIFT));
        assertFalse(staff.allows(GRID_WORKER, XIJIA_GRID_TASK), "a role the rule does not name");
    }

    @Test
    void aGridWorkerIsOverHisGridsTasksAndWithinHisCommunity() {
        assertTrue(Rule.parse("scoped:grid-worker").allows(GRID_WORKER, XIJIA_GRID_TASK));
        assertFalse(Rule.parse("scoped:grid-worker").allows(GRID_WORKER, XIJIA_SHIFT), "the community is above his grid");
        assertTrue(Rule.parse("scoped:grid-worker(in)").allows(GRID_WORKER, Owner.volunteer(XIJIA, "7")));
        assertFalse(Rule.parse("scoped:grid-worker(in)").allows(GRID_WORKER, Owner.volunteer(NANNEIHUAN, "8")));
    }

    @Test
    void selfIsTheVolunteerTheObjectIsAbout() {
        Rule rule = Rule.parse("scoped:community-admin,self");
        Caller wang = new Caller("volunteer-wang", Set.of("volunteer"), List.of(XIJIA), "3");
        assertTrue(rule.allows(wang, Owner.volunteer(XIJIA, "3")));
        assertFalse(rule.allows(wang, Owner.volunteer(XIJIA, "4")));
    }

    @Test
    void aDutyIsAResponsibilityOfTheCallersVolunteerForAUnitOnTheObjectsPath() {
        Rule households = Rule.parse("scoped:community-admin,duty:BUILDING_CAPTAIN,duty:GRID_WORKER");
        List<String> grid = XIJIA_GRID_TASK.unitPath();
        List<String> building = new ArrayList<>(grid);
        building.add("书林苑1号楼");
        List<String> otherBuilding = new ArrayList<>(grid);
        otherBuilding.add("书林苑2号楼");
        Owner household = Owner.unit(building);
        Caller captain = new Caller("volunteer-wang", Set.of("volunteer"), List.of(XIJIA), "3")
                .withDuties(Map.of("BUILDING_CAPTAIN", List.of(building)));
        assertTrue(households.allows(captain, household));
        assertFalse(households.allows(captain, Owner.unit(otherBuilding)), "another building of the same grid");
        assertFalse(households.allows(captain, Owner.unit(grid)), "the grid above his building");
        Caller responsible = new Caller("volunteer-li", Set.of("volunteer"), List.of(XIJIA), "4")
                .withDuties(Map.of(Caller.GRID_WORKER_DUTY, List.of(grid)));
        assertTrue(households.allows(responsible, household), "a building of the grid he is responsible for");
        Caller volunteer = new Caller("volunteer-li", Set.of("volunteer"), List.of(XIJIA), "4");
        assertFalse(households.allows(volunteer, household), "a volunteer of the community without a duty");
        assertFalse(Rule.parse("scoped:community-admin,duty:BUILDING_CAPTAIN").allows(responsible, household),
                "only the duties the rule names");
    }

    @Test
    void anObjectWhoseOwnerIsUnknownIsForNobodyButSystemAdmin() {
        Rule staff = Rule.parse("scoped:community-admin,district-officer");
        assertFalse(staff.allows(OFFICER, null));
        assertTrue(staff.allows(SYSADMIN, null));
    }

    @Test
    void draftsAreForTheNamedRolesAndPublishedDataForAnyone() {
        Rule drafts = Rule.parse("drafts:notice-editor,notice-publisher");
        assertTrue(drafts.allows(Caller.ANONYMOUS, null));
        assertFalse(drafts.allows(Caller.ANONYMOUS, Owner.DRAFT));
        assertFalse(drafts.allows(OFFICER, Owner.DRAFT));
        assertTrue(drafts.allows(EDITOR, Owner.DRAFT));
    }

    @Test
    void anAlertIsForItsAudienceAtOrBelowItsUnitAndForTheGridsResponsibleWorkers() {
        Rule audience = Rule.parse("audience");
        Owner gridWorkersOfTheGrid = Owner.audience(XIJIA_GRID_TASK.unitPath(), "grid-worker");
        Owner gridWorkersOfTheCommunity = Owner.audience(XIJIA, "grid-worker");
        Owner adminsOfXijia = Owner.audience(XIJIA, "community-admin");
        Owner officers = Owner.audience(List.of("小店区"), "district-officer");
        assertTrue(audience.allows(GRID_WORKER, gridWorkersOfTheGrid));
        assertTrue(audience.allows(GRID_WORKER, gridWorkersOfTheCommunity), "a grid of the community");
        assertFalse(audience.allows(GRID_WORKER, adminsOfXijia), "another audience");
        assertTrue(audience.allows(ADMIN_XIJIA, adminsOfXijia));
        assertFalse(audience.allows(ADMIN_NANNEIHUAN, adminsOfXijia));
        assertFalse(audience.allows(ADMIN_XIJIA, gridWorkersOfTheGrid), "the admin is not its audience");
        assertFalse(audience.allows(OFFICER, adminsOfXijia), "nor the officer above the community");
        assertTrue(audience.allows(OFFICER, officers));
        Caller li = new Caller("volunteer-li", Set.of("volunteer"), List.of(XIJIA), "4")
                .withDuties(Map.of(Caller.GRID_WORKER_DUTY, List.of(XIJIA_GRID_TASK.unitPath())));
        assertTrue(audience.allows(li, gridWorkersOfTheGrid), "the grid's responsible worker by the org data");
        assertFalse(audience.allows(li, adminsOfXijia));
        assertFalse(audience.allows(OFFICER, XIJIA_SHIFT), "an object with no audience");
    }

    @Test
    void aDutyWithinTheUnitCountsOnlyWhereTheRuleSaysIn() {
        Caller captain = new Caller("volunteer-wang", Set.of("volunteer"), List.of(XIJIA), "3")
                .withDuties(Map.of("BUILDING_CAPTAIN", List.of(XIJIA_GRID_TASK.unitPath())));
        Owner community = Owner.unit(XIJIA);
        assertTrue(Rule.parse("scoped:community-admin,duty:BUILDING_CAPTAIN(in)").allows(captain, community),
                "a unit of his inside the community");
        assertFalse(Rule.parse("scoped:community-admin,duty:BUILDING_CAPTAIN").allows(captain, community),
                "not a unit on the community's path");
        assertFalse(Rule.parse("scoped:community-admin,duty:GRID_WORKER(in)").allows(captain, community),
                "another responsibility");
        assertFalse(Rule.parse("scoped:community-admin,duty:BUILDING_CAPTAIN(in)").allows(captain,
                Owner.unit(List.of("小店区", "平阳路街道", "南内环社区"))), "another community");
    }

    @Test
    void signedInMeansAnyRoleOfTheRealm() {
        assertTrue(Rule.parse("signed-in").allows(EDITOR, null));
        assertFalse(Rule.parse("signed-in").allows(Caller.ANONYMOUS, null));
        assertTrue(Rule.parse("public").allows(Caller.ANONYMOUS, null));
    }

    private static Caller caller(String role, List<String> group) {
        return new Caller(role, Set.of(role), List.of(group), null);
    }
}
