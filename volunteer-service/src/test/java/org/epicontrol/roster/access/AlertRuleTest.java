package org.epicontrol.roster.access;

import org.epicontrol.common.security.Caller;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.roster.org.OrgKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.epicontrol.common.security.StaffRole.COMMUNITY_ADMIN;
import static org.epicontrol.common.security.StaffRole.DISTRICT_OFFICER;
import static org.epicontrol.common.security.StaffRole.GRID_WORKER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AccessRules#mayReadAlert} case by case, on scopes as the resolver builds them: district 1, street 2,
 * communities 3 and 4, grids 5 and 6 of community 3, grid 7 of community 4, district 8 elsewhere.
 */
class AlertRuleTest {

    private static Scope scope(Set<StaffRole> roles, List<Scope.Unit> units) {
        return new Scope(new Caller("sub", "user", roles, List.of()), units, null, null);
    }

    private static final Scope.Unit DISTRICT = new Scope.Unit(1, OrgKind.DISTRICT, List.of(1L));
    private static final Scope.Unit COMMUNITY_3 = new Scope.Unit(3, OrgKind.COMMUNITY, List.of(1L, 2L, 3L));
    private static final Scope.Unit GRID_5 = new Scope.Unit(5, OrgKind.GRID, List.of(1L, 2L, 3L, 5L));

    private boolean reads(Scope scope, List<List<Long>> responsible, StaffRole audience, long unit) {
        return AccessRules.mayReadAlert(scope, AccessRules.alertAudiences(scope, responsible), audience, unit);
    }

    @Test
    void theAdminsOfACommunityReadItsAdminsAlertsOnly() {
        Scope admin = scope(Set.of(COMMUNITY_ADMIN), List.of(COMMUNITY_3));
        assertTrue(reads(admin, List.of(), COMMUNITY_ADMIN, 3));
        assertFalse(reads(admin, List.of(), COMMUNITY_ADMIN, 4), "another community");
        assertFalse(reads(admin, List.of(), GRID_WORKER, 5), "the grid workers' alert of their own community");
        assertFalse(reads(admin, List.of(), DISTRICT_OFFICER, 1), "the officers' escalation");
    }

    @Test
    void gridWorkersReadTheirGridsAlertsAndTheirCommunitysGridWideOnes() {
        Scope worker = scope(Set.of(GRID_WORKER), List.of(GRID_5));
        assertTrue(reads(worker, List.of(), GRID_WORKER, 5));
        assertTrue(reads(worker, List.of(), GRID_WORKER, 3), "addressed to every grid of community 3");
        assertFalse(reads(worker, List.of(), GRID_WORKER, 6), "another grid");
        assertFalse(reads(worker, List.of(), GRID_WORKER, 4), "another community's grids");
        assertFalse(reads(worker, List.of(), COMMUNITY_ADMIN, 3));
    }

    @Test
    void aGridResponsibilityMakesAGridWorkerWithoutAGroup() {
        Scope volunteer = scope(Set.of(StaffRole.VOLUNTEER), List.of());
        List<List<Long>> responsibleFor6 = List.of(List.of(1L, 2L, 3L, 6L));
        assertTrue(reads(volunteer, responsibleFor6, GRID_WORKER, 6));
        assertTrue(reads(volunteer, responsibleFor6, GRID_WORKER, 3));
        assertFalse(reads(volunteer, responsibleFor6, GRID_WORKER, 5));
        assertFalse(reads(volunteer, List.of(), GRID_WORKER, 6), "no responsibility, no alert");
    }

    @Test
    void aGroupWithoutItsRoleOrARoleAtAnotherLevelGrantsNothing() {
        assertFalse(reads(scope(Set.of(StaffRole.VOLUNTEER), List.of(COMMUNITY_3)), List.of(), COMMUNITY_ADMIN, 3));
        assertFalse(reads(scope(Set.of(COMMUNITY_ADMIN), List.of(GRID_5)), List.of(), COMMUNITY_ADMIN, 3),
                "community-admin over a grid group");
        assertFalse(reads(scope(Set.of(DISTRICT_OFFICER), List.of(COMMUNITY_3)), List.of(), DISTRICT_OFFICER, 1));
    }

    @Test
    void districtOfficersReadTheEscalationsOfTheirDistrictAndSystemAdminsEverything() {
        Scope officer = scope(Set.of(DISTRICT_OFFICER), List.of(DISTRICT));
        assertTrue(reads(officer, List.of(), DISTRICT_OFFICER, 1));
        assertFalse(reads(officer, List.of(), DISTRICT_OFFICER, 8));
        assertFalse(reads(officer, List.of(), COMMUNITY_ADMIN, 3), "a community's alerts are not the officer's");
        Scope root = scope(Set.of(StaffRole.SYSTEM_ADMIN), List.of());
        assertTrue(reads(root, List.of(), GRID_WORKER, 7));
    }
}
