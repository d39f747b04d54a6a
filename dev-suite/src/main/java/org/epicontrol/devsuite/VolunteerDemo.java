package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.devsuite.GraphQLHttp.vars;

/**
 * Demo organisation from the domain brief: one community of 小店区 with its grids, the six vanguard posts, a
 * 24 h checkpoint at the gate of a compound that notice 194 makes high-risk, a bank's vanguard team, volunteers
 * of every kind and a week of rotation with people signed up. Seeded while the demo notices are still drafts: the
 * grids are linked to the compounds of notice 194 before it is published, so that its publication reaches a
 * community (a response opens) as a real notice would. Areas only drafts name are found by a caller who sees drafts
 * (the system admin).
 */
final class VolunteerDemo {

    /** Volunteers who sign in: their Keycloak user ids, fixed in k8s/keycloak/realm-epidemic.json. */
    static final Map<String, String> SIGNED_IN = Map.of(
            "王建国", "884374b0-864c-5a89-a735-64fac287a6ac",   // volunteer-wang
            "李秀英", "634c0de0-9455-55cb-bdea-9c1022a8ce01");  // volunteer-li

    private final GraphQLHttp volunteers;
    private final GraphQLHttp notices;

    VolunteerDemo(GraphQLHttp volunteers, GraphQLHttp notices) {
        this.volunteers = volunteers;
        this.notices = notices;
    }

    /** The units later parts of the demo build on: 西贾社区, its first grid and 书林苑1号楼 in it. */
    record Units(String community, String grid, String building) {
    }

    Units seed() {
        String shulinyuan = areaId("西贾社区书林苑小区");
        String shuimu = areaId("西贾社区水木云天小区");

        String district = unit("DISTRICT", "小店区", null, null);
        String street = unit("STREET", "平阳路街道", district, null);
        String community = unit("COMMUNITY", "西贾社区", street, null);
        String grid1 = unit("GRID", "西贾社区第一网格", community, shulinyuan);
        unit("GRID", "西贾社区第二网格", community, shuimu);
        String building = unit("BUILDING", HouseholdDemo.BUILDING, grid1, null);
        // a second community of the street: its admin (admin-nanneihuan) must not touch 西贾社区's roster
        String other = unit("COMMUNITY", "南内环社区", street, null);
        unit("GRID", "南内环社区第一网格", other, null);
        post(other, "南内环社区东门卡口", "CHECKPOINT", 2, List.of(), true, null);

        volunteers.run("mutation($n: String!, $c: ID) { createTeam(name: $n, communityId: $c) { id } }",
                vars("n", "吕梁农商银行党员抗疫先锋队", "c", community));

        String[][] people = {
                {"王建国", "PARTY_MEMBER"}, {"李秀英", "PARTY_MEMBER"}, {"张伟", "IN_SERVICE_PARTY_MEMBER"},
                {"刘洋", "VETERAN"}, {"陈军", "VETERAN"}, {"杨帆", "YOUTH_LEAGUE_MEMBER"}, {"赵敏", "YOUTH_LEAGUE_MEMBER"},
                {"黄丽", "WOMENS_TEAM"}, {"周芳", "WOMENS_TEAM"}, {"吴强", "RESIDENT_REPRESENTATIVE"},
                {"徐磊", "RESIDENT"}, {"孙涛", "RESIDENT"}, {"马超", "GRID_WORKER"}, {"朱红", "GRID_WORKER"}};
        Map<String, List<String>> byKind = new HashMap<>();
        List<String> everyone = new ArrayList<>();
        for (String[] p : people) {
            Map<String, Object> input = new HashMap<>(vars("name", p[0], "communityId", community,
                    "kinds", List.of(p[1]), "phone", "1380351" + String.format("%04d", everyone.size()),
                    "userId", SIGNED_IN.get(p[0])));
            String id = volunteers.run("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }",
                    vars("in", input)).at("/createVolunteer/id").asText();
            byKind.computeIfAbsent(p[1], k -> new ArrayList<>()).add(id);
            everyone.add(id);
        }

        String[][] sixPosts = {
                {"党员先锋岗", "PARTY_MEMBER_VANGUARD", "PARTY_MEMBER,IN_SERVICE_PARTY_MEMBER"},
                {"退役军人先锋岗", "VETERAN_VANGUARD", "VETERAN"},
                {"共青团员先锋岗", "YOUTH_LEAGUE_VANGUARD", "YOUTH_LEAGUE_MEMBER"},
                {"巾帼志愿先锋岗", "WOMENS_VANGUARD", "WOMENS_TEAM"},
                {"居民代表先锋岗", "RESIDENT_REPRESENTATIVE_VANGUARD", "RESIDENT_REPRESENTATIVE"},
                {"群众代表先锋岗", "RESIDENT_VANGUARD", "RESIDENT"}};
        for (String[] post : sixPosts) {
            post(community, post[0], post[1], 1, List.of(post[2].split(",")), false, null);
        }
        String gate = post(community, "书林苑北门卡口", "CHECKPOINT", 2, List.of(), true, shulinyuan);
        post(community, "水木云天南门卡口", "CHECKPOINT", 2, List.of(), true, shuimu);

        // From yesterday, so that one shift is under way whenever the demo starts.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        JsonNode shifts = volunteers.run("mutation($r: RotationInput!) { generateShifts(rotation: $r) { id endsAt } }",
                vars("r", vars("postId", gate, "firstDay", yesterday.toString(), "days", 8, "shiftHours", 12,
                        "dayStartsAt", "08:00"))).get("generateShifts");
        List<String> upcoming = new ArrayList<>();
        for (JsonNode shift : shifts) {
            if (OffsetDateTime.parse(shift.get("endsAt").asText()).isAfter(OffsetDateTime.now())) {
                upcoming.add(shift.get("id").asText());
            }
        }
        // The grid workers hold the gate now, two veterans take the next shift: the cross-service query shows them.
        signUp(upcoming.get(0), byKind.get("GRID_WORKER"));
        signUp(upcoming.get(1), byKind.get("VETERAN"));
        System.out.println("Seeded volunteer-service: 2 communities, 3 grids, " + everyone.size()
                + " volunteers, 8 posts, a week of checkpoint shifts");
        return new Units(community, grid1, building);
    }

    private String areaId(String name) {
        JsonNode found = notices.run("query($t: String!) { searchAreas(text: $t) { id fullName } }", vars("t", name))
                .get("searchAreas");
        if (found.isEmpty()) {
            throw new IllegalStateException("no area " + name + " in notice-service: the demo notices name it");
        }
        return found.get(0).get("id").asText();
    }

    private String unit(String kind, String name, String parent, String areaId) {
        return volunteers.run("mutation($k: OrgKind!, $n: String!, $p: ID, $a: ID) {"
                        + " createOrgUnit(kind: $k, name: $n, parentId: $p, areaId: $a) { id } }",
                vars("k", kind, "n", name, "p", parent, "a", areaId)).at("/createOrgUnit/id").asText();
    }

    private String post(String community, String name, String kind, int headcount, List<String> allowed,
                        boolean aroundTheClock, String areaId) {
        Map<String, Object> input = vars("communityId", community, "name", name, "kind", kind,
                "requiredHeadcount", headcount, "allowedKinds", allowed, "aroundTheClock", aroundTheClock, "areaId", areaId);
        return volunteers.run("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", vars("in", input))
                .at("/createDutyPost/id").asText();
    }

    private void signUp(String shift, List<String> people) {
        for (String person : people) {
            volunteers.run("mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }",
                    vars("s", shift, "v", person));
        }
    }
}
