package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.PageInfo;
import org.epicontrol.notice.area.AreaRow;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.replica.PublicReads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * riskAreas, riskCounts and riskTrend: index reads of the maintained risk map (risk_area_level, risk_count; kept by
 * {@link RiskMapMaintenance} at every publication), for any date. Each answer is what {@link RiskQueries#decisive}
 * computed over every designated area on every call before; the tests hold the two together. Public look-ups: read
 * where {@link PublicReads} says (the read replica when there is one).
 */
@ApplicationScoped
public class RiskMapQueries {

    /** The period of the row aliased {@code l} holds $1. */
    private static final String AT = "l.valid_from <= $1 and (l.valid_to is null or l.valid_to > $1)";

    private final PublicReads reads;

    public RiskMapQueries(PublicReads reads) {
        this.reads = reads;
    }

    /**
     * One statement per combination of filters given, so that each is planned on the index that fits it (a
     * "$n is null or" condition would keep the planner from using any).
     */
    public Uni<RiskAreaConnection> riskAreas(LocalDate asOf, String district, String level, int first, String after) {
        long afterId = afterId(after);
        List<Object> args = new ArrayList<>(List.of(asOf, afterId, first + 1));
        StringBuilder where = new StringBuilder(AT).append(" and l.area_id > $2");
        if (district != null) {
            args.add(district);
            where.append(" and l.district = $").append(args.size());
        }
        if (level != null) {
            args.add(level);
            where.append(" and l.level_code = $").append(args.size());
        }
        // The page is cut from the map first, then its areas are read by id: joined before the limit, the planner
        // merge-joined the map with the whole area table in id order (2,400 buffers for a page of 50 instead of 220).
        // The level joined in: one statement per page, not the vocabulary read beside it on a second connection.
        String sql = "select " + AreaRow.COLUMNS + ", l.level_code, l.designation_id, l.notice_id, l.since, "
                + LevelCatalog.JOINED_COLUMNS
                + " from (select l.area_id, l.level_code, l.designation_id, l.notice_id, l.since"
                + "   from risk_area_level l where " + where + " order by l.area_id limit $3) l"
                + " join area a on a.id = l.area_id left join risk_level rl on rl.code = l.level_code"
                + " order by l.area_id";
        return reads.run(db -> db.preparedQuery(sql).execute(Tuple.from(args))).map(rows -> {
                    List<RiskAreaConnection.Edge> edges = new ArrayList<>();
                    for (Row row : rows) {
                        RiskArea node = new RiskArea(AreaRow.map(row), LevelCatalog.joined(row),
                                row.getLocalDate("since"), row.getLong("notice_id"), row.getLong("designation_id"));
                        edges.add(new RiskAreaConnection.Edge(Cursor.encode("riskArea", node.area().id()), node));
                    }
                    boolean more = edges.size() > first;
                    if (more) {
                        edges = edges.subList(0, first);
                    }
                    return new RiskAreaConnection(edges,
                            new PageInfo(more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
                });
    }

    private static long afterId(String after) {
        String key = Cursor.decode("riskArea", after);
        try {
            return key == null ? 0 : Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + after + "' is not a cursor of this listing");
        }
    }

    /** riskCounts: the count periods holding asOf, per district and level. */
    public Uni<List<DistrictLevelCount>> countsByDistrict(LocalDate asOf) {
        String sql = "select district, level_code, areas from risk_count"
                + " where daterange(valid_from, valid_to) @> $1::date order by district, level_code";
        return reads.run(db -> db.preparedQuery(sql).execute(Tuple.of(asOf))).map(rows -> {
            List<DistrictLevelCount> counts = new ArrayList<>();
            rows.forEach(r -> counts.add(new DistrictLevelCount(r.getString("district"), r.getString("level_code"),
                    r.getInteger("areas"))));
            return counts;
        });
    }

    /** riskCounts of every day of the window: each day joined to the count periods holding it. */
    public Uni<List<DailyRiskCount>> trend(TrendWindow window, String district) {
        String sql = "select g.day::date as day, c.district, c.level_code, c.areas"
                + " from generate_series($1::date, $2::date, interval '1 day') g(day)"
                + " join risk_count c on daterange(c.valid_from, c.valid_to) @> g.day::date"
                + " and ($3::text is null or c.district = $3)"
                + " order by 1, 2, 3";
        Tuple args = Tuple.of(window.from(), window.to(), district);
        return reads.run(db -> db.preparedQuery(sql).execute(args)).map(rows -> {
            List<DailyRiskCount> counts = new ArrayList<>();
            rows.forEach(r -> counts.add(new DailyRiskCount(r.getLocalDate("day"), r.getString("district"),
                    r.getString("level_code"), r.getInteger("areas"))));
            return counts;
        });
    }
}
