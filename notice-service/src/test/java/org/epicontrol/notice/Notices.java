package org.epicontrol.notice;

import io.restassured.path.json.JsonPath;
import org.epicontrol.testsupport.GraphQLClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Test helpers for this service: the fixture texts and the import mutation (as {@link Staff#editor()}). */
public final class Notices {

    public static final GraphQLClient GRAPHQL = GraphQLClient.at("/graphql");

    public static final String IMPORT = """
            mutation($text: String!, $year: Int, $issuer: String) {
              importNotice(text: $text, year: $year, issuer: $issuer) {
                created message
                notice { id number year issuer issueDate title legalBasis status warnings { code message }
                         countsByDistrict { district level count } }
              }
            }""";

    private Notices() {
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

    /** Imports a text as the test editor (idempotent: the service answers created=false the second time). */
    public static JsonPath importText(String text, Integer year) {
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

    public static void importFixtures() {
        importText(fixture("taiyuan-2022-194.txt"), 2022);
        importText(fixture("taiyuan-2022-195.txt"), 2022);
    }
}
