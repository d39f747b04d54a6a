package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Notices of the tests, printed as the city's office prints them (the format of dev-suite's demo notices:
 * {@code notices/high-risk.txt}, {@code notices/low-risk.txt}), dated today in the city, imported through the gateway
 * by {@code editor} and published by {@code publisher} (four eyes), as staff do it.
 */
final class TestNotices {
    /** Where notice-service judges "today" (notices.zone): a notice dated after it is refused. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** The printed list of notices that make areas high-risk ("新增高风险区"). */
    static final String HIGH = "notices/high-risk.txt";
    /** The printed list of notices that lower areas ("调整为低风险区"). */
    static final String LOW = "notices/low-risk.txt";

    private static final String IMPORT = """
            mutation($t: String!, $y: Int) { importNotice(text: $t, year: $y) {
              notice { id status effectiveDate designations { text areas { id fullName } } } } }""";
    private static final String PUBLISH = "mutation($id: ID!) { publishNotice(id: $id) { id status } }";

    /** A published notice: its id, effective date, and the area each printed item designates. */
    record Notice(String id, LocalDate effectiveDate, Map<String, String> areaIds) {
        String area(String item) {
            String id = areaIds.get(item);
            if (id == null) {
                throw new IllegalArgumentException("notice " + this.id + " names no " + item + ": " + areaIds);
            }
            return id;
        }
    }

    private TestNotices() {
    }

    /** Imports a draft of {@code template} numbered {@code number} naming {@code items} of 小店区. */
    static Notice draft(RunningSuite suite, String template, int number, List<String> items) {
        LocalDate today = LocalDate.now(CITY);
        String text = TestResources.read(template).replace("{number}", String.valueOf(number))
                .replace("{month}", String.valueOf(today.getMonthValue()))
                .replace("{day}", String.valueOf(today.getDayOfMonth()))
                .replace("{count}", String.valueOf(items.size()))
                .replace("{areas}", String.join(",", items));
        JsonPath imported = Gateway.queryAs(suite, "editor", IMPORT, "t", text, "y", today.getYear());
        assertNull(imported.get("errors"), imported::prettify);
        assertEquals("DRAFT", imported.getString("data.importNotice.notice.status"), imported::prettify);
        Map<String, String> areas = new LinkedHashMap<>();
        for (Map<String, Object> designation : imported.<Map<String, Object>>getList("data.importNotice.notice.designations")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> designated = (List<Map<String, Object>>) designation.get("areas");
            assertEquals(1, designated.size(), imported::prettify);
            areas.put((String) designation.get("text"), (String) designated.get(0).get("id"));
        }
        assertEquals(items.size(), areas.size(), imported::prettify);
        return new Notice(imported.getString("data.importNotice.notice.id"),
                LocalDate.parse(imported.getString("data.importNotice.notice.effectiveDate")), Map.copyOf(areas));
    }

    /** Publishes a draft as another person than its importer. */
    static Notice publish(RunningSuite suite, Notice draft) {
        JsonPath published = Gateway.queryAs(suite, "publisher", PUBLISH, "id", draft.id());
        assertNull(published.get("errors"), published::prettify);
        assertEquals("PUBLISHED", published.getString("data.publishNotice.status"), published::prettify);
        return draft;
    }

    /** Imports and publishes. */
    static Notice publish(RunningSuite suite, String template, int number, List<String> items) {
        return publish(suite, draft(suite, template, number, items));
    }
}
