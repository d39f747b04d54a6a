package org.epicontrol.notice;

import io.restassured.path.json.JsonPath;
import org.epicontrol.testsupport.GraphQLClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers for this service: the fixture texts and the import mutation (as {@link Staff#editor()}). */
public final class Notices {

    public static final GraphQLClient GRAPHQL = GraphQLClient.at("/graphql");

    public static final String IMPORT = """
            mutation($text: String!, $year: Int, $issuer: String) {
              importNotice(text: $text, year: $year, issuer: $issuer) {
                created replaced message
                notice { id number year issuer issueDate title legalBasis status warnings { code message }
                         countsByDistrict { district level count } }
              }
            }""";

    public static final String CREATE = """
            mutation($input: NoticeInput!) { createNotice(input: $input) { id number status messageType } }""";

    public static final String PUBLISH = "mutation($id: ID!) { publishNotice(id: $id) { id status } }";

    /**
     * The district of the access and audit tests' notices: no fixture and no other test names it, so their notices
     * stay out of the listings, counts and risk maps other tests assert on.
     */
    public static final String TEST_DISTRICT = "试验县";

    private Notices() {
    }

    /** A form notice of one LOW designation in {@link #TEST_DISTRICT}, dated as given, for {@link #CREATE}. */
    public static Map<String, Object> draftInput(String issuer, int number, String issueDate, String area) {
        Map<String, Object> designation = new HashMap<>();
        designation.put("district", TEST_DISTRICT);
        designation.put("area", area);
        designation.put("level", "LOW");
        Map<String, Object> in = new HashMap<>();
        in.put("issuer", issuer);
        in.put("year", Integer.parseInt(issueDate.substring(0, 4)));
        in.put("number", number);
        in.put("issueDate", issueDate);
        in.put("designations", List.of(designation));
        return in;
    }

    /** Drafts a notice as the given user and returns its id. */
    public static String createDraft(GraphQLClient as, String issuer, int number, String issueDate, String area) {
        return as.data(CREATE, Map.of("input", draftInput(issuer, number, issueDate, area))).getString("createNotice.id");
    }

    public static String fixture(String name) {
        try (InputStream in = Notices.class.getResourceAsStream("/notices/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a text as the test editor and has {@link Staff#publisher()} publish what the import stored — the four
     * eyes every printed notice passes — so that tests of published notices start where residents would. Idempotent:
     * the second time the service answers created=false and nothing is published again. Returns the import's answer.
     */
    public static JsonPath importText(String text, Integer year) {
        JsonPath result = importDraft(text, year);
        if (result.getBoolean("created") || result.getBoolean("replaced")) {
            Staff.publisher().data(PUBLISH, Map.of("id", result.getString("notice.id")));
        }
        return result;
    }

    /** Imports a text as the test editor and leaves it the draft the import stores. Returns the import's answer. */
    public static JsonPath importDraft(String text, Integer year) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", text);
        vars.put("year", year);
        return Staff.editor().data(IMPORT, vars).setRootPath("data.importNotice");
    }

    /**
     * A notice in the newspaper layout of the fixtures, naming only the given items of one district, so that a
     * test's notice does not touch the areas other tests look at.
     */
    public static String synthetic(int number, int month, int day, String district, String level, String... items) {
        String levelName = level.equals("HIGH") ? "高风险区" : "低风险区";
        String verb = level.equals("HIGH") ? "新增" : "调整为";
        return "## 市疫情防控办发布第" + number + "号通告:\n\n"
                + "本报讯 " + month + "月" + day + "日,市疫情防控办发布第" + number + "号通告,即日起我市" + verb + levelName
                + items.length + "个。" + verb + levelName + items.length + "个,分别是:\n\n"
                + district + "(" + items.length + "个):" + String.join(",", items) + "。\n";
    }

    /**
     * 7103 → 庚甲甲丁: a number spelled in the heavenly stems, for unique names the parsers read as plain names
     * (district names carry neither digits nor numerals).
     */
    public static String stems(int number) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(number).toCharArray()) {
            out.append("甲乙丙丁戊己庚辛壬癸".charAt(c - '0'));
        }
        return out.toString();
    }

    public static void importFixtures() {
        importText(fixture("taiyuan-2022-194.txt"), 2022);
        importText(fixture("taiyuan-2022-195.txt"), 2022);
    }
}
