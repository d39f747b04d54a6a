package org.epicontrol.e2e.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data of the same kinds in two communities, so that every kind of roster object has an owner a caller may and one
 * they may not read: the demo staffs 西贾社区 (and its live responses with their alerts); this adds 南内环社区's
 * people, a checkpoint at an area of notice 194 with shifts and people on them, a response there (a later notice
 * makes the area high-risk; volunteer-service opens it from the feed, with its alerts), and in both communities a
 * task, a claimed wish and a grid's responsible worker; below the checkpoint (issue 13) a household register, a round
 * and an assigned request in 南内环社区 (the demo has 西贾社区's), and in both a pending volunteer registration and a
 * call-out; and a draft notice whose area no published notice names.
 * Written through the API, as system-admin, an editor and a publisher.
 */
public final class TwoCommunitiesData {

    public static final String DRAFT_AREA = "草稿测试家园";
    private static final String SECOND = "南内环社区";
    private static final String FIRST = "西贾社区";
    private static final String FIRST_GRID = "西贾社区第一网格";
    /** A low-risk compound of notice 194 no demo unit covers; 南内环社区's grid takes it on here. */
    private static final String SECOND_AREA = "富士苑小区";

    /** How long volunteer-service may take to open 南内环社区's response from the feed (a bound, not a figure). */
    private static final long RESPONSE_TIMEOUT_MS = 60_000;

    private final GraphQLClient gateway;
    private final String systemAdmin;

    private TwoCommunitiesData(GraphQLClient gateway, String systemAdmin) {
        this.gateway = gateway;
        this.systemAdmin = systemAdmin;
    }

    /**
     * {@code registrants}: two accounts without a role and outside the realm file (so not among the walk's callers),
     * self-registered; each reports to volunteer, the first to 西贾社区, the second to 南内环社区.
     */
    public static void seed(GraphQLClient gateway, String systemAdmin, String editor, String publisher,
                            List<String> registrants) {
        new TwoCommunitiesData(gateway, systemAdmin).seed(OwnershipIndex.discover(gateway, systemAdmin), editor,
                publisher, registrants);
    }

    @SuppressWarnings("unchecked")
    private void seed(OwnershipIndex demo, String editor, String publisher, List<String> registrants) {
        String first = unit(demo, "Community", FIRST);
        String second = unit(demo, "Community", SECOND);
        String firstGrid = unit(demo, "Grid", FIRST_GRID);
        String secondGrid = demo.idsUnder("Grid", second).get(0);

        String area = (String) ((List<Map<String, Object>>) run("query($t: String!) { searchAreas(text: $t) { id } }",
                "t", SECOND_AREA).get("searchAreas")).get(0).get("id");
        run("mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id } }", "u", secondGrid, "a", area);
        String post = id(run("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", "in", Map.of(
                "communityId", second, "name", SECOND_AREA + "北门卡口", "kind", "CHECKPOINT", "requiredHeadcount", 2,
                "allowedKinds", List.of(), "aroundTheClock", true, "areaId", area)), "createDutyPost");
        String partyMember = volunteer(second, "郑浩", "PARTY_MEMBER", 0);
        String resident = volunteer(second, "冯婷", "RESIDENT", 1);
        String gridWorker = volunteer(second, "何亮", "GRID_WORKER", 2);

        // from yesterday, so that a shift is under way now: people on duty for Area.onDutyNow
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        List<Map<String, Object>> shifts = (List<Map<String, Object>>) run(
                "mutation($r: RotationInput!) { generateShifts(rotation: $r) { id endsAt } }", "r", Map.of(
                        "postId", post, "firstDay", yesterday.toString(), "days", 3, "shiftHours", 12)).get("generateShifts");
        String now = shifts.stream().filter(s -> OffsetDateTime.parse((String) s.get("endsAt")).isAfter(OffsetDateTime.now()))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        for (String person : List.of(partyMember, resident)) {
            run("mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }", "s", now, "v", person);
        }

        List<String> firstPeople = ((List<Map<String, Object>>) ((Map<String, Object>) run(
                "query($c: ID!) { community(id: $c) { volunteers(first: 2) { id } } }", "c", first).get("community"))
                .get("volunteers")).stream().map(v -> (String) v.get("id")).toList();
        fieldWork(first, firstGrid, firstPeople.get(0), firstPeople.get(1));
        // wishes are claimed by party members (wishes.claimant-kinds)
        fieldWork(second, secondGrid, partyMember, gridWorker);
        belowTheCheckpoint(second, secondGrid, partyMember);
        mobilisation(first, registrants.get(0));
        mobilisation(second, registrants.get(1));

        respond(second, editor, publisher);

        Map<String, Object> draft = Map.of("issuer", "太原市疫情防控办", "year", 2022, "number", 990,
                "issueDate", "2022-12-01", "designations", List.of(Map.of("district", "小店区", "area", DRAFT_AREA, "level", "HIGH")));
        gateway.data(editor, "mutation($in: NoticeInput!) { createNotice(input: $in) { id } }", "in", draft);
    }

    /**
     * A notice the day after notice 194 makes {@link #SECOND_AREA} high-risk; volunteer-service opens 南内环社区's
     * response from the feed (waited for, so that the walk finds it and its alerts).
     */
    @SuppressWarnings("unchecked")
    private void respond(String community, String editor, String publisher) {
        Map<String, Object> notice = Map.of("issuer", "太原市疫情防控办", "year", 2022, "number", 989,
                "issueDate", "2022-12-01", "designations", List.of(Map.of("district", "小店区", "area", SECOND_AREA, "level", "HIGH")));
        String id = id(gateway.data(editor, "mutation($in: NoticeInput!) { createNotice(input: $in) { id } }", "in", notice),
                "createNotice");
        gateway.data(publisher, "mutation($id: ID!) { publishNotice(id: $id) { id } }", "id", id);
        long deadline = System.currentTimeMillis() + RESPONSE_TIMEOUT_MS;
        while (((List<Object>) ((Map<String, Object>) run("query($c: ID!) { community(id: $c) { responses { id } } }",
                "c", community).get("community")).get("responses")).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no response of " + SECOND + " " + RESPONSE_TIMEOUT_MS / 1000
                        + " s after notice 989 made " + SECOND_AREA + " high-risk");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A task on the grid, a wish a volunteer claimed, and the grid's responsible worker. */
    private void fieldWork(String community, String grid, String claimer, String responsible) {
        run("mutation($in: TaskInput!) { createTask(input: $in) { id } }", "in", Map.of("kind", "SUPPLY_DELIVERY",
                "unitId", grid, "household", "1号楼1单元101", "description", "送菜上门"));
        String wish = id(run("mutation($c: ID!) { postWish(communityId: $c, household: \"2号楼3单元402\", kind: MEDICINE,"
                + " description: \"降压药\") { id } }", "c", community), "postWish");
        run("mutation($w: ID!, $v: ID!) { claimWish(wishId: $w, volunteerId: $v) { id } }", "w", wish, "v", claimer);
        run("mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v) { id } }",
                "u", grid, "v", responsible);
    }

    /**
     * Issue 13 in 南内环社区 (the demo has it in 西贾社区): a building's household register, today's testing round of
     * the building with one household tested and one missed, and a resident's request given to a volunteer.
     */
    @SuppressWarnings("unchecked")
    private void belowTheCheckpoint(String community, String grid, String assignee) {
        String building = id(run("mutation($p: ID) { createOrgUnit(kind: BUILDING, name: \"南内环1号楼\", parentId: $p) { id } }",
                "p", grid), "createOrgUnit");
        run("mutation($c: ID!, $csv: String!) { importHouseholds(communityId: $c, csv: $csv) { stored } }", "c", community,
                "csv", "building,unit,room,head_count,contact_name,contact_phone,needs,address,note\n"
                        + "南内环1号楼,1单元,101,2,冯建华,13903529101,独居老人,,\n南内环1号楼,1单元,102,3,何秀梅,13903529102,,,\n");
        List<Map<String, Object>> doors = (List<Map<String, Object>>) ((Map<String, Object>) run(
                "query($u: ID!) { households(unitId: $u) { edges { node { id } } } }", "u", building).get("households"))
                .get("edges");
        String tested = (String) ((Map<String, Object>) doors.get(0).get("node")).get("id");
        String round = id(run("mutation($in: TestingRoundInput!) { createTestingRound(input: $in) { id } }", "in",
                Map.of("unitId", building, "date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())), "createTestingRound");
        run("mutation($r: ID!, $h: ID!) { recordHouseholdTest(roundId: $r, householdId: $h, status: TESTED, testedCount: 2) { status } }",
                "r", round, "h", tested);
        String request = id(run("mutation($in: RequestInput!) { takeRequest(input: $in) { id } }", "in", Map.of(
                "communityId", community, "householdId", tested, "kind", "SUPPLIES", "urgency", "ROUTINE",
                "description", "代购蔬菜")), "takeRequest");
        run("mutation($id: ID!, $v: ID) { assignRequest(id: $id, volunteerId: $v) { id } }", "id", request, "v", assignee);
    }

    /** A registration waiting for the community's decision, and a call-out of its residents for the next two days. */
    private void mobilisation(String community, String registrant) {
        gateway.data(registrant, "mutation($in: RegistrationInput!) { registerAsVolunteer(input: $in) { id } }", "in",
                Map.of("communityId", community, "name", "报到者", "phone", "13903529900", "kind", "PARTY_MEMBER"));
        OffsetDateTime now = OffsetDateTime.now();
        run("mutation($in: CallOutInput!) { callOut(input: $in) { id } }", "in", Map.of("communityId", community,
                "from", now.toString(), "to", now.plusDays(2).toString(), "kinds", List.of("RESIDENT", "PARTY_MEMBER"),
                "message", "明日核酸检测点需要志愿者"));
        // issue 16: a roster proposal of the community's next two days (solved in the background; read by id)
        run("mutation($c: ID!, $f: DateTime!, $t: DateTime!) { proposeRoster(communityId: $c, from: $f, to: $t,"
                + " options: {timeBudgetSeconds: 1}) { id } }", "c", community, "f", now.toString(),
                "t", now.plusDays(2).toString());
    }

    private String volunteer(String community, String name, String kind, int number) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "communityId", community, "kinds", List.of(kind),
                "phone", "1390351" + String.format("%04d", number)));
        return id(run("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }", "in", input), "createVolunteer");
    }

    private static String unit(OwnershipIndex index, String type, String name) {
        return index.idsOf(type).stream().filter(id -> index.unitName(id).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo has no " + type + " " + name));
    }

    private Map<String, Object> run(String document, Object... variables) {
        return gateway.data(systemAdmin, document, variables);
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> data, String field) {
        return (String) ((Map<String, Object>) data.get(field)).get("id");
    }
}
