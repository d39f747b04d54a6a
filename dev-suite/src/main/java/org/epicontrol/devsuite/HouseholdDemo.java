package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.epicontrol.devsuite.GraphQLHttp.vars;

/**
 * Below the checkpoint (issue 13), as 西贾社区 works a building of 书林苑小区: its admin imports the household register
 * of 书林苑1号楼 ({@code dev-suite/demo/households/shulinyuan-1.csv}: 30 doors in three units, some on the
 * special-groups ledger) and makes {@code volunteer-wang} (王建国) its building captain; today's testing round of the
 * building is under way (the grid worker {@code grid-xijia-1} has done the first unit, the captain part of the second,
 * the third is still to come); the grid worker has taken a resident's call for medicine, still open, and posted a
 * resident's wish. Everything through volunteer-service's API with the demo users' own tokens, as they would.
 */
final class HouseholdDemo {

    static final String BUILDING = "书林苑1号楼";

    private final GraphQLHttp admin;
    private final GraphQLHttp gridWorker;
    private final GraphQLHttp captain;

    /** What the demo shows, for the start's closing lines. */
    record Shown(String communityId, String buildingId, String roundId, int households, int accounted) {
    }

    HouseholdDemo(GraphQLHttp volunteers, SuiteLauncher.Suite suite) {
        this.admin = volunteers.bearer(suite.token("admin-xijia"));
        this.gridWorker = volunteers.bearer(suite.token("grid-xijia-1"));
        this.captain = volunteers.bearer(suite.token("volunteer-wang"));
    }

    Shown seed(Path root, VolunteerDemo.Units units) throws IOException {
        String csv = Files.readString(root.resolve("dev-suite/demo/households/shulinyuan-1.csv"), StandardCharsets.UTF_8);
        JsonNode report = admin.run("mutation($c: ID!, $csv: String!) { importHouseholds(communityId: $c, csv: $csv) {"
                + " created stored rejected { line reason } } }", vars("c", units.community(), "csv", csv)).get("importHouseholds");
        if (!report.get("stored").asBoolean()) {
            throw new IllegalStateException("the demo's households were refused: " + report.get("rejected"));
        }
        String wang = captain.run("{ me { id } }", Map.of()).at("/me/id").asText();
        admin.run("mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v, role: \"BUILDING_CAPTAIN\") { id } }",
                vars("u", units.building(), "v", wang));

        List<JsonNode> doors = new ArrayList<>();
        admin.run("query($u: ID!) { households(unitId: $u, first: 100) { edges { node { id unitLabel room headCount } } } }",
                vars("u", units.building())).at("/households/edges").forEach(edge -> doors.add(edge.get("node")));
        List<String> unitLabels = doors.stream().map(d -> d.get("unitLabel").asText()).distinct().sorted().toList();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String round = admin.run("mutation($in: TestingRoundInput!) { createTestingRound(input: $in) { id } }",
                vars("in", vars("unitId", units.building(), "date", today.toString()))).at("/createTestingRound/id").asText();
        int accounted = 0;
        for (JsonNode door : doors) {
            String unit = door.get("unitLabel").asText();
            String room = door.get("room").asText();
            if (unit.equals(unitLabels.get(0))) {
                // the grid worker's unit: all done, one not at home (to visit again), one refused with its reason
                accounted += record(gridWorker, round, door, switch (room) {
                    case "302" -> "NOT_AT_HOME";
                    case "401" -> "REFUSED";
                    default -> "TESTED";
                }, "401".equals(room) ? "已在单位核酸检测，出示48小时阴性证明" : null);
            } else if (unit.equals(unitLabels.get(1)) && room.compareTo("300") < 0) {
                // the captain is on the second unit's lower floors; one household isolated at home
                accounted += record(captain, round, door, "202".equals(room) ? "ISOLATED" : "TESTED",
                        "202".equals(room) ? "居家隔离，由医护上门采样" : null);
            }
        }

        String elderly = doors.stream().filter(d -> d.get("unitLabel").asText().equals(unitLabels.get(1))
                && d.get("room").asText().equals("402")).findFirst().orElse(doors.get(0)).get("id").asText();
        gridWorker.run("mutation($in: RequestInput!) { takeRequest(input: $in) { id } }", vars("in", vars(
                "communityId", units.community(), "householdId", elderly, "kind", "MEDICINE", "urgency", "URGENT",
                "description", "独居老人，降压药(硝苯地平控释片)只剩两天的量，需代购", "channel", "PHONE")));
        gridWorker.run("mutation($c: ID!, $h: ID) { postWish(communityId: $c, householdId: $h, household: \"" + BUILDING
                        + "2单元402\", kind: MEDICINE, description: \"想要一台电子血压计\") { id } }",
                vars("c", units.community(), "h", elderly));
        return new Shown(units.community(), units.building(), round, doors.size(), accounted);
    }

    /** Records one door's status as the recorder; 1 if that accounts for the household. */
    private static int record(GraphQLHttp recorder, String round, JsonNode door, String status, String reason) {
        Integer tested = "TESTED".equals(status) ? door.get("headCount").asInt() : null;
        JsonNode answer = recorder.run("mutation($r: ID!, $h: ID!, $s: HouseholdTestStatus!, $n: Int, $why: String) {"
                        + " recordHouseholdTest(roundId: $r, householdId: $h, status: $s, testedCount: $n, reason: $why) { accounted } }",
                vars("r", round, "h", door.get("id").asText(), "s", status, "n", tested, "why", reason));
        return answer.at("/recordHouseholdTest/accounted").asBoolean() ? 1 : 0;
    }
}
