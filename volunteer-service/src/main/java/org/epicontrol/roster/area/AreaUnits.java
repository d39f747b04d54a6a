package org.epicontrol.roster.area;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.org.OrgRows;
import org.epicontrol.roster.org.OrgUnit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which org unit answers for an area, following notice-service's area tree: a unit linked to an area answers for
 * every area inside it, and where several linked units contain an area the most specific wins (the deepest linked
 * area; on the same area the deepest unit, then the oldest). One query for any number of areas.
 */
@ApplicationScoped
public class AreaUnits {

    // Every (area, area on its path, depth on the path), joined to the units linked to the areas on the paths. Those
    // units are found first, by one probe of org_unit_area_idx with the distinct ids (a join of the pairs to org_unit
    // was planned as a hash join over every unit: 670 ms against 87 ms for 1,000 areas among 10^5 links).
    private static final String MOST_SPECIFIC = "with q as (select * from unnest($1::text[], $2::text[], $3::int[])"
            + " as q(area, linked, depth)),"
            + " linked as materialized (select o.id, o.area_id, o.path_ids from org_unit o"
            + " where o.area_id = any(array(select distinct linked from q))),"
            + " best as (select distinct on (q.area) q.area, l.id as unit_id, l.path_ids as unit_path"
            + " from q join linked l on l.area_id = q.linked"
            + " order by q.area, q.depth desc, cardinality(l.path_ids) desc, l.id) ";

    private static final String UNITS = MOST_SPECIFIC + "select best.area as for_area, " + OrgRows.COLUMNS + ","
            + " (select g.id from org_unit g where g.id = any(best.unit_path) and g.kind = 'GRID') as grid_id,"
            + " (select c.id from org_unit c where c.id = any(best.unit_path) and c.kind = 'COMMUNITY') as community_id"
            + " from best join org_unit o on o.id = best.unit_id";

    // The grid on the answering unit's path: the grid itself, or the grid of the building (none above grid level).
    private static final String GRIDS = MOST_SPECIFIC + "select best.area as for_area, " + OrgRows.COLUMNS
            + " from best join org_unit o on o.id = any(best.unit_path) and o.kind = 'GRID'";

    private final Pool pool;

    public AreaUnits(Pool pool) {
        this.pool = pool;
    }

    /** For each area that has one, the unit answering for it; areas outside every linked unit are absent. */
    public Uni<Map<String, LinkedUnit>> mostSpecific(List<AreaRef> areas) {
        return query(UNITS, areas, row -> new LinkedUnit(row.getString("for_area"), OrgRows.map(row),
                row.getLong("grid_id"), row.getLong("community_id")));
    }

    /**
     * For each area whose answering unit is a grid or lies below one, that grid; areas outside every linked unit,
     * or answered by a unit above grid level (a community, a street), are absent.
     */
    public Uni<Map<String, OrgUnit>> grids(List<AreaRef> areas) {
        return query(GRIDS, areas, OrgRows::map);
    }

    private <T> Uni<Map<String, T>> query(String sql, List<AreaRef> areas, Function<Row, T> map) {
        List<String> area = new ArrayList<>();
        List<String> linked = new ArrayList<>();
        List<Integer> depth = new ArrayList<>();
        for (AreaRef ref : areas) {
            for (int i = 0; i < ref.pathIds().size(); i++) {
                area.add(ref.areaId());
                linked.add(ref.pathIds().get(i));
                depth.add(i);
            }
        }
        if (area.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple args = Tuple.of(area.toArray(String[]::new), linked.toArray(String[]::new),
                depth.toArray(Integer[]::new));
        return pool.preparedQuery(sql).execute(args).map(rows -> byArea(rows, map));
    }

    private static <T> Map<String, T> byArea(RowSet<Row> rows, Function<Row, T> map) {
        Map<String, T> found = new HashMap<>();
        for (Row row : rows) {
            found.put(row.getString("for_area"), map.apply(row));
        }
        return found;
    }
}
