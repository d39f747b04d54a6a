package org.epicontrol.roster.org;

import io.vertx.mutiny.sqlclient.Row;

import java.util.Arrays;
import java.util.List;

/** Maps rows of org_unit; the one place that knows its columns. */
public final class OrgRows {

    public static final String COLUMNS = "o.id as org_id, o.kind as org_kind, o.name as org_name,"
            + " o.area_id as org_area_id, o.parent_id as org_parent_id, o.path_ids as org_path_ids";

    private OrgRows() {
    }

    public static OrgUnit map(Row row) {
        Long[] path = row.getArrayOfLongs("org_path_ids");
        return new OrgUnit(String.valueOf(row.getLong("org_id")), OrgKind.valueOf(row.getString("org_kind")),
                row.getString("org_name"), row.getString("org_area_id"), row.getLong("org_parent_id"),
                path == null ? List.of() : Arrays.asList(path));
    }
}
