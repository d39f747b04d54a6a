package org.epicontrol.roster.area;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.org.OrgRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which org unit answers for an area, following notice-service's area tree: a unit linked to an area answers for
 * every area inside it, and where several linked units contain an area the most specific wins (the deepest linked
 * area; on the same area the deepest unit). One query for any number of areas.
 */
@ApplicationScoped
public class AreaUnits {

    private static final String SQL = "select distinct on (q.area) q.area as for_area, " + OrgRows.COLUMNS + ","
            + " (select g.id from org_unit g where g.id = any(o.path_ids) and g.kind = 'GRID') as grid_id,"
            + " (select c.id from org_unit c where c.id = any(o.path_ids) and c.kind = 'COMMUNITY') as community_id"
            + " from unnest($1::text[], $2::text[], $3::int[]) as q(area, linked, depth)"
            + " join org_unit o on o.area_id = q.linked"
            + " order by q.area, q.depth desc, cardinality(o.path_ids) desc, o.id";

    private final Pool pool;

    public AreaUnits(Pool pool) {
        this.pool = pool;
    }

    /** For each area that has one, the unit answering for it; areas outside every linked unit are absent. */
    public Uni<Map<String, LinkedUnit>> mostSpecific(List<AreaRef> areas) {
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
        return pool.preparedQuery(SQL).execute(args).map(rows -> {
            Map<String, LinkedUnit> byArea = new HashMap<>();
            for (Row row : rows) {
                String id = row.getString("for_area");
                byArea.put(id, new LinkedUnit(id, OrgRows.map(row), row.getLong("grid_id"),
                        row.getLong("community_id")));
            }
            return byArea;
        });
    }
}
