package org.epicontrol.roster.response;

import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.feed.AreaEvent;
import org.epicontrol.roster.feed.AreaEventKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;

/**
 * A community with a grid linked to a compound (notice-service areas: district → street → compound → building), and
 * area events for it as notice-service's feed would give them (sequence increasing across the whole test run).
 */
final class Scene {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    final String community;
    final String grid;
    final String district = "d" + RosterFixtures.unique("");
    final String street = "s" + RosterFixtures.unique("");
    final String compound = "c" + RosterFixtures.unique("");
    final String building = "b" + RosterFixtures.unique("");

    Scene() {
        community = RosterFixtures.community();
        grid = RosterFixtures.orgUnit("GRID", RosterFixtures.unique("网格"), community);
        GRAPHQL.data("mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id } }",
                Map.of("u", grid, "a", compound));
    }

    List<String> compoundPath() {
        return List.of(district, street, compound);
    }

    List<String> buildingPath() {
        return List.of(district, street, compound, building);
    }

    AreaEvent compound(AreaEventKind kind, String level, String levelInForce, LocalDate effective, int notice) {
        return event(kind, compoundPath(), level, levelInForce, effective, notice);
    }

    AreaEvent building(AreaEventKind kind, String level, String levelInForce, LocalDate effective, int notice) {
        return event(kind, buildingPath(), level, levelInForce, effective, notice);
    }

    static AreaEvent event(AreaEventKind kind, List<String> path, String level, String levelInForce,
                           LocalDate effective, int notice) {
        String area = path.get(path.size() - 1);
        return new AreaEvent(SEQUENCE.incrementAndGet(), kind, area, path, "小店区", "书林苑小区" + area, level,
                levelInForce, effective, "n" + notice, notice, OffsetDateTime.now());
    }
}
