package org.epicontrol.roster.area;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.org.OrgRows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Links between notice areas and the organisation: data this service owns (org_unit.area_id). */
@ApplicationScoped
public class AreaFieldWork {

    private final Pool pool;

    public AreaFieldWork(Pool pool) {
        this.pool = pool;
    }

    /** The grid responsible for each area: the grid linked to it, or the grid of the building linked to it. */
    public Uni<List<Grid>> responsibleGrids(List<String> areaIds) {
        String sql = "select distinct on (l.area_id) l.area_id as linked_area, " + OrgRows.COLUMNS
                + " from org_unit l join org_unit o on o.id = case when l.kind = 'GRID' then l.id else l.parent_id end"
                + " where l.area_id = any($1) and l.kind in ('GRID', 'BUILDING')"
                + " order by l.area_id, (l.kind = 'GRID') desc, l.id";
        return pool.preparedQuery(sql).execute(Tuple.of((Object) areaIds.toArray(String[]::new))).map(rows -> {
            Map<String, Grid> byArea = new HashMap<>();
            for (Row row : rows) {
                byArea.put(row.getString("linked_area"), Grid.of(OrgRows.map(row)));
            }
            return areaIds.stream().map(byArea::get).toList();
        });
    }
}
