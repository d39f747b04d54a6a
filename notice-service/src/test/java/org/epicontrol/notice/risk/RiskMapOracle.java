package org.epicontrol.notice.risk;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.feed.AreaEventLog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

import static org.epicontrol.notice.Notices.GRAPHQL;

/**
 * The risk map recomputed as it was before it was maintained — the level in force of every designated area through
 * {@link RiskQueries#decisive}, on every call — beside what the service answers from the maintained tables, in the
 * same shapes, so that tests compare the two. Also: a rebuild of the maintained tables from the notices, compared with
 * what the publications maintained.
 */
final class RiskMapOracle {

    /** Areas a notice that is not a draft names as a target: the areas of the map. */
    private static final String DESIGNATED = "exists (select 1 from designation_target dt"
            + " join designation dd on dd.id = dt.designation_id join notice nn on nn.id = dd.notice_id"
            + " where dt.area_id = a.id and not dt.excluded and nn.status <> 'DRAFT')";

    private static final String AREAS = "select a.id, cur.level_code, cur.effective_date, cur.notice_id from area a"
            + RiskQueries.current("$1") + " where " + DESIGNATED + " and a.district = $2 order by a.id";

    private static final String COUNTS = "select a.district, cur.level_code, count(*) as n from area a"
            + RiskQueries.current("$1") + " where " + DESIGNATED + " group by 1, 2";

    private static final String AREAS_QUERY = """
            query($asOf: Date, $district: String, $after: String) {
              riskAreas(asOf: $asOf, district: $district, first: 500, after: $after) {
                edges { node { area { id } level { code } since notice { id } } } pageInfo { hasNextPage endCursor } } }""";
    private static final String COUNTS_QUERY = "query($asOf: Date) { riskCounts(asOf: $asOf) { district level areas } }";
    private static final String TREND_QUERY = """
            query($from: Date!, $to: Date!, $district: String) {
              riskTrend(from: $from, to: $to, district: $district) { date district level count } }""";

    private static final String LEVELS = "select coalesce(string_agg(concat_ws('|', area_id, district, valid_from, valid_to,"
            + " level_code, designation_id, notice_id, since), E'\\n' order by area_id, valid_from), '') as s from risk_area_level";
    private static final String COUNT_ROWS = "select coalesce(string_agg(concat_ws('|', district, level_code, valid_from,"
            + " valid_to, areas), E'\\n' order by district, level_code, valid_from), '') as s from risk_count";

    /** $1 area id, $2 first day, $3 last day: the level in force each day, the last first. */
    private static final String DAYS = "select g.day::date as day, cur.level_code, cur.notice_id"
            + " from generate_series($2::date, $3::date, interval '1 day') g(day) join area a on a.id = $1"
            + " left join lateral (" + RiskQueries.decisive("g.day::date") + ") cur on true order by 1 desc";

    private static final String LEVEL_QUERY = """
            query($address: String!, $asOf: Date) {
              riskLevel(address: $address, asOf: $asOf) { designated level { code } since notice { id } matchedArea { id } } }""";

    private final Pool db;

    RiskMapOracle(Pool db) {
        this.db = db;
    }

    /** Recomputed: "areaId/level/since/noticeId" of the district's areas at asOf, by area id. */
    List<String> areas(LocalDate asOf, String district) {
        List<String> out = new ArrayList<>();
        for (Row r : db.preparedQuery(AREAS).execute(Tuple.of(asOf, district)).await().indefinitely()) {
            out.add(r.getLong("id") + "/" + r.getString("level_code") + "/" + r.getLocalDate("effective_date")
                    + "/" + r.getLong("notice_id"));
        }
        return out;
    }

    /** Answered by riskAreas (all pages), in the shape of {@link #areas}. */
    static List<String> riskAreas(LocalDate asOf, String district) {
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("asOf", asOf.toString());
            vars.put("district", district);
            vars.put("after", after);
            var page = GRAPHQL.data(AREAS_QUERY, vars).setRootPath("data.riskAreas");
            for (Map<String, Map<String, Object>> edge : page.<Map<String, Map<String, Object>>>getList("edges")) {
                Map<String, Object> node = edge.get("node");
                out.add(((Map<?, ?>) node.get("area")).get("id") + "/" + ((Map<?, ?>) node.get("level")).get("code")
                        + "/" + node.get("since") + "/" + ((Map<?, ?>) node.get("notice")).get("id"));
            }
            after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
        } while (after != null);
        return out;
    }

    /** Recomputed: "district/level=n" for every district at asOf. */
    Set<String> counts(LocalDate asOf) {
        Set<String> out = new TreeSet<>();
        for (Row r : db.preparedQuery(COUNTS).execute(Tuple.of(asOf)).await().indefinitely()) {
            out.add(r.getString("district") + "/" + r.getString("level_code") + "=" + r.getLong("n"));
        }
        return out;
    }

    /**
     * Recomputed: "level/noticeId/since" of the area at asOf ("-" when nothing covers it), since being the first day
     * of the run of days up to asOf with that level, looked at back to the first day given.
     */
    String level(long areaId, LocalDate asOf, LocalDate first) {
        List<Row> days = new ArrayList<>();
        db.preparedQuery(DAYS).execute(Tuple.of(areaId, first, asOf)).await().indefinitely().forEach(days::add);
        String level = days.get(0).getString("level_code");
        if (level == null) {
            return "-";
        }
        LocalDate since = asOf;
        for (Row day : days) {
            if (!level.equals(day.getString("level_code"))) {
                break;
            }
            since = day.getLocalDate("day");
        }
        return level + "/" + days.get(0).getLong("notice_id") + "/" + since;
    }

    /** Answered by riskLevel: [matched area id or null, the answer in the shape of {@link #level}]. */
    static List<String> riskLevel(String address, LocalDate asOf) {
        var r = GRAPHQL.data(LEVEL_QUERY, Map.of("address", address, "asOf", asOf.toString())).setRootPath("data.riskLevel");
        String answer = r.getBoolean("designated")
                ? r.getString("level.code") + "/" + r.getString("notice.id") + "/" + r.getString("since") : "-";
        return java.util.Arrays.asList(r.getString("matchedArea.id"), answer);
    }

    /** Answered by riskCounts, in the shape of {@link #counts}. */
    static Set<String> riskCounts(LocalDate asOf) {
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> c : GRAPHQL.data(COUNTS_QUERY, Map.of("asOf", asOf.toString()))
                .<Map<String, Object>>getList("riskCounts")) {
            out.add(c.get("district") + "/" + c.get("level") + "=" + c.get("areas"));
        }
        return out;
    }

    /** Answered by riskTrend: day → "district/level=n" of the district's (or every) count that day. */
    static Map<LocalDate, Set<String>> riskTrend(LocalDate from, LocalDate to, String district) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("from", from.toString());
        vars.put("to", to.toString());
        vars.put("district", district);
        Map<LocalDate, Set<String>> out = new HashMap<>();
        for (Map<String, Object> r : GRAPHQL.data(TREND_QUERY, vars).<Map<String, Object>>getList("riskTrend")) {
            out.computeIfAbsent(LocalDate.parse((String) r.get("date")), d -> new TreeSet<>())
                    .add(r.get("district") + "/" + r.get("level") + "=" + r.get("count"));
        }
        return out;
    }

    /**
     * The maintained tables as the publications left them and as risk_map_rebuild computes them from the notices,
     * each as text (row per line), [maintained, rebuilt]. The rebuild runs in a transaction rolled back afterwards,
     * under the publications' lock: the tables are left as they were.
     */
    List<String> maintainedAndRebuilt() {
        SqlConnection c = db.getConnection().await().indefinitely();
        try {
            var tx = c.begin().await().indefinitely();
            try {
                c.preparedQuery("select count(*) from pg_advisory_xact_lock($1)").execute(Tuple.of(AreaEventLog.LOCK))
                        .await().indefinitely();
                String before = tables(c);
                c.query("select count(*) from risk_map_rebuild()").execute().await().indefinitely();
                return List.of(before, tables(c));
            } finally {
                tx.rollback().await().indefinitely();
            }
        } finally {
            c.closeAndAwait();
        }
    }

    private static String tables(SqlConnection c) {
        return c.query(LEVELS).execute().await().indefinitely().iterator().next().getString("s") + "\n--\n"
                + c.query(COUNT_ROWS).execute().await().indefinitely().iterator().next().getString("s");
    }

    /** Publishes a form notice (drafted by the editor, published by the publisher); returns its id. */
    static String published(Map<String, Object> input) {
        String id = draft(input);
        publish(id);
        return id;
    }

    static String draft(Map<String, Object> input) {
        return org.epicontrol.notice.Staff.editor().data(Notices.CREATE, Map.of("input", input)).getString("createNotice.id");
    }

    static void publish(String id) {
        org.epicontrol.notice.Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
    }

    static Map<String, Object> input(String issuer, int number, LocalDate effective, String type, String references,
                                     List<Map<String, Object>> items) {
        Map<String, Object> in = new HashMap<>();
        in.put("issuer", issuer);
        in.put("year", effective.getYear());
        in.put("number", number);
        in.put("issueDate", effective.toString());
        in.put("effectiveDate", effective.toString());
        in.put("messageType", type);
        in.put("references", references);
        in.put("designations", items);
        return in;
    }

    static Map<String, Object> item(String district, String area, String level) {
        return Map.of("district", district, "area", area, "level", level);
    }
}
