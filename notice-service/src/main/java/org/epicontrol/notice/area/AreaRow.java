package org.epicontrol.notice.area;

import io.vertx.mutiny.sqlclient.Row;

import java.util.Arrays;
import java.util.List;

/** Maps rows of the area table; the one place that knows its columns. */
public final class AreaRow {

    /** Aliased so that they never collide with the columns of a joined table. */
    public static final String COLUMNS = "a.id as area_id, a.district as area_district, a.kind as area_kind,"
            + " a.name as area_name, a.full_name as area_full_name, a.depth as area_depth, a.parent_id as area_parent_id,"
            + " a.published as area_published, a.ancestor_ids as area_path_ids";

    private AreaRow() {
    }

    public static Area map(Row row) {
        return new Area(String.valueOf(row.getLong("area_id")), row.getString("area_district"),
                AreaKind.valueOf(row.getString("area_kind")), row.getString("area_name"),
                row.getString("area_full_name"), row.getInteger("area_depth"),
                pathIds(row.getArrayOfLongs("area_path_ids")), row.getLong("area_parent_id"),
                row.getBoolean("area_published"));
    }

    private static List<String> pathIds(Long[] ids) {
        return Arrays.stream(ids).map(String::valueOf).toList();
    }
}
