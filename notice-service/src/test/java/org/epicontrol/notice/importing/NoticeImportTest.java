package org.epicontrol.notice.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NoticeImportTest {

    private static final String DESIGNATIONS = """
            query($id: ID!) { notice(id: $id) {
              designations { ordinal district text level { code } areas { fullName kind } exceptions { fullName } } } }""";

    // As the editor, who sees drafts too: nothing can hide among them.
    private static final String COUNT_NOTICES = "{ notices(first: 500) { edges { node { id issuer year number } } } }";

    @Test
    void importOfNotice195GivesExactlyThePrintedDesignations() {
        JsonPath result = Notices.importText(Notices.fixture("taiyuan-2022-195.txt"), 2022);
        assertEquals(195, result.getInt("notice.number"));
        assertEquals("2022-11-30", result.getString("notice.issueDate"));
        // Printed as 市疫情防控办, the newspapers' name of the office: stored under its canonical name.
        assertEquals("太原市疫情防控领导小组办公室", result.getString("notice.issuer"));
        assertTrue(result.getString("notice.legalBasis").contains("二十条措施"));
        assertEquals(List.of(), result.getList("notice.warnings"));
        Map<String, Integer> counts = counts(result);
        assertEquals(Map.of(
                "HIGH/小店区", 1, "HIGH/杏花岭区", 7, "HIGH/万柏林区", 8, "HIGH/晋源区", 4,
                "LOW/小店区", 7, "LOW/杏花岭区", 10, "LOW/尖草坪区", 7, "LOW/万柏林区", 29, "LOW/晋源区", 3), counts);

        JsonPath designations = GRAPHQL.data(DESIGNATIONS, Map.of("id", result.getString("notice.id")));
        List<String> texts = designations.getList("notice.designations.text");
        assertEquals(76, texts.size());
        // The newspaper broke this name across two lines.
        assertTrue(texts.contains("恒大名都小区5栋1单元"), texts::toString);
        assertEquals("实地太原紫藤公馆2号楼", texts.get(0));
        assertEquals("绿地城9号楼1单元", texts.get(75));
    }

    @Test
    void importSplitsABuildingListIntoItsBuildings() {
        JsonPath result = Notices.importText(Notices.fixture("taiyuan-2022-195.txt"), 2022);
        JsonPath designations = GRAPHQL.data(DESIGNATIONS, Map.of("id", result.getString("notice.id")));
        List<Map<String, Object>> all = designations.getList("notice.designations");
        Map<String, Object> zaoximen = all.stream()
                .filter(d -> d.get("text").equals("新建路151号早西门小区(7号楼、8号楼、9号楼、10号楼、11号楼、12号楼、53号楼、54号楼)"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> areas = (List<Map<String, Object>>) zaoximen.get("areas");
        assertEquals(8, areas.size());
        assertTrue(areas.stream().allMatch(a -> a.get("kind").equals("BUILDING")), areas::toString);
    }

    @Test
    void importOfNotice194KeepsTheExceptionOfAnArea() {
        JsonPath result = Notices.importText(Notices.fixture("taiyuan-2022-194.txt"), 2022);
        assertEquals(Map.of("HIGH/小店区", 2, "LOW/小店区", 22), counts(result));
        JsonPath designations = GRAPHQL.data(DESIGNATIONS, Map.of("id", result.getString("notice.id")));
        List<Map<String, Object>> all = designations.getList("notice.designations");
        Map<String, Object> cuizhu = all.stream()
                .filter(d -> d.get("text").equals("翠竹小院(C座1单元除外)")).findFirst().orElseThrow();
        assertEquals(1, ((List<?>) cuizhu.get("areas")).size());
        assertEquals(1, ((List<?>) cuizhu.get("exceptions")).size());
    }

    @Test
    void importReadsTheOfficeLayoutWithNumberInTheHeaderAndDateAtTheBottom() {
        JsonPath result = Notices.importText(Notices.fixture("synthetic-a-office-header-2022-165.txt"), null);
        assertEquals(165, result.getInt("notice.number"));
        assertEquals(2022, result.getInt("notice.year"));
        assertEquals("2022-11-12", result.getString("notice.issueDate"));
        // Printed as 太原市新冠肺炎疫情防控工作领导小组办公室: the same office as the newspapers' 市疫情防控办.
        assertEquals("太原市疫情防控领导小组办公室", result.getString("notice.issuer"));
        assertEquals("关于调整我市风险区域的通告", result.getString("notice.title"));
        assertEquals(Map.of("HIGH/小店区", 2, "HIGH/迎泽区", 2, "LOW/杏花岭区", 3, "LOW/万柏林区", 1), counts(result));
        assertEquals(List.of(), result.getList("notice.warnings"));
    }

    @Test
    void importKeepsInconsistenciesOfThePrintedNoticeAsWarnings() {
        JsonPath result = Notices.importText(Notices.fixture("synthetic-b-empty-district-196.txt"), 2022);
        List<String> codes = result.getList("notice.warnings.code");
        assertTrue(codes.contains("DISTRICT_EMPTY"), codes::toString);
        assertTrue(codes.contains("DISTRICT_COUNT_MISMATCH"), codes::toString);
        // Nothing dropped, nothing invented: the eight printed items are all stored under the district printed.
        assertEquals(Map.of("HIGH/晋源区", 8), counts(result));
    }

    @Test
    void reimportingTheSameNoticeChangesNothingAndSaysSo() {
        String text = Notices.fixture("taiyuan-2022-194.txt");
        JsonPath first = Notices.importText(text, 2022);
        int before = Staff.editor().data(COUNT_NOTICES).getList("notices.edges").size();
        JsonPath again = Notices.importText(text, 2022);
        assertFalse(again.getBoolean("created"));
        assertTrue(again.getString("message").contains("already imported"), again.getString("message"));
        assertEquals(first.getString("notice.id"), again.getString("notice.id"));
        assertEquals(before, Staff.editor().data(COUNT_NOTICES).getList("notices.edges").size());
    }

    @Test
    void twoConcurrentImportsOfTheSameNoticeStoreExactlyOne() throws Exception {
        String text = Notices.synthetic(8195, 12, 21, "迎泽区", "HIGH", "并发甲小区", "并发乙小区3号楼", "并发丙小区(1号楼、2号楼)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> Notices.importText(text, 2022).getBoolean("created"));
            }
            int created = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                created += f.get() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> notices = Staff.editor().data(COUNT_NOTICES).getList("notices.edges.node");
        assertEquals(1, notices.stream().filter(n -> n.get("number").equals(8195)).count());
    }

    @Test
    void importRejectsEmptyText() {
        rejects("   \n ", "TEXT_EMPTY");
    }

    @Test
    void importRejectsNoticeWithoutNumber() {
        rejects(Notices.fixture("taiyuan-2022-194.txt").replace("第194号", ""), "NOTICE_NUMBER_MISSING");
    }

    @Test
    void importRejectsTextThatIsNotANotice() {
        rejects("今天天气很好,我们去公园散步,然后回家吃饭。", "NOT_A_NOTICE");
    }

    @Test
    void importRejectsAOneMegabyteText() {
        rejects("小店区(1个):某小区,".repeat(100_000), "TEXT_TOO_LARGE");
    }

    @Test
    void importRejectsANoticeDatedInTheFuture() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", Notices.fixture("taiyuan-2022-194.txt").replace("第194号", "第9194号"));
        vars.put("year", 2099);
        Staff.editor().post(Notices.IMPORT, vars)
                .body("data.importNotice", nullValue())
                .body("errors[0].extensions.code", equalTo("DATE_IN_FUTURE"))
                .body("errors[0].path", hasItem("importNotice"));
        assertNotStored(9194);
    }

    @Test
    void importAsksForTheYearWhenTheTextPrintsNone() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", Notices.fixture("taiyuan-2022-194.txt").replace("第194号", "第7194号"));
        Staff.editor().post(Notices.IMPORT, vars)
                .body("errors[0].extensions.code", equalTo("YEAR_UNKNOWN"))
                .body("errors[0].message", containsString("year"));
        assertNotStored(7194);
    }

    private static void rejects(String text, String code) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", text);
        vars.put("year", 2022);
        Staff.editor().post(Notices.IMPORT, vars)
                .body("data.importNotice", nullValue())
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].path", hasItem("importNotice"));
    }

    private static void assertNotStored(int number) {
        List<Map<String, Object>> notices = Staff.editor().data(COUNT_NOTICES).getList("notices.edges.node");
        assertTrue(notices.stream().noneMatch(n -> n.get("number").equals(number)));
    }

    private static Map<String, Integer> counts(JsonPath result) {
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> rows = result.getList("notice.countsByDistrict");
        for (Map<String, Object> row : rows) {
            counts.put(row.get("level") + "/" + row.get("district"), (Integer) row.get("count"));
        }
        return counts;
    }
}
