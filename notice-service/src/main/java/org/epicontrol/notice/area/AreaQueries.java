package org.epicontrol.notice.area;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.notice.replica.PublicReads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AreaQueries {

    private final Pool pool;
    private final PublicReads reads;

    public AreaQueries(Pool pool, PublicReads reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /** One position per id, null where no area has that id. */
    public Uni<List<Area>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + AreaRow.COLUMNS + " from area a where a.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Area> found = new HashMap<>();
                    for (Row row : rows) {
                        Area area = AreaRow.map(row);
                        found.put(area.numericId(), area);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    public Uni<List<List<Area>>> childrenOf(List<Long> ids) {
        return pool.preparedQuery("select " + AreaRow.COLUMNS + " from area a where a.parent_id = any($1) order by a.id")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<Area>> byParent = new HashMap<>();
                    for (Row row : rows) {
                        Area area = AreaRow.map(row);
                        byParent.computeIfAbsent(area.parentId(), k -> new ArrayList<>()).add(area);
                    }
                    return ids.stream().map(id -> byParent.getOrDefault(id, List.of())).toList();
                });
    }

    /**
     * Substring search over full names (district included); pg_trgm's index serves it for Chinese text. Areas only
     * drafts name are left out in SQL unless withDraftAreas, so a page stays full. A public look-up: read where
     * {@link PublicReads} says (draft readers, the callers withDraftAreas is for, on the primary).
     */
    public Uni<List<Area>> search(String text, String district, int first, boolean withDraftAreas) {
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty()) {
            throw new DomainException("INVALID_INPUT", "search text must not be empty");
        }
        String pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = "select " + AreaRow.COLUMNS + " from area a where a.full_name like $1"
                + " and ($2::text is null or a.district = $2) and a.depth > 0 and ($4 or a.published)"
                + " order by a.depth, length(a.full_name), a.id limit $3";
        return reads.run(db -> db.preparedQuery(sql).execute(Tuple.of(pattern, district, first, withDraftAreas))).map(rows -> {
            List<Area> areas = new ArrayList<>();
            rows.forEach(r -> areas.add(AreaRow.map(r)));
            return areas;
        });
    }
}
