package org.epicontrol.roster.household;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the household register in bulk (SQL): other features name households by id. */
@ApplicationScoped
public class Households {

    public static final String COLUMNS = "h.id, h.building_id, h.community_id, h.unit_label, h.room, h.address,"
            + " h.head_count, h.contact_name, h.contact_phone, h.needs, h.note, h.active";

    private final Pool pool;

    public Households(Pool pool) {
        this.pool = pool;
    }

    /** The households of the ids, in their order; null where none exists. */
    public Uni<List<Household>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from household h where h.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new))).map(rows -> {
                    Map<Long, Household> found = new HashMap<>();
                    for (Row row : rows) {
                        Household h = map(row);
                        found.put(h.numericId(), h);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    /** One row selected with {@link #COLUMNS}. */
    public static Household map(Row row) {
        return new Household(String.valueOf(row.getLong("id")), row.getString("unit_label"), row.getString("room"),
                row.getString("address"), row.getInteger("head_count"),
                Arrays.stream(row.getArrayOfStrings("needs")).map(HouseholdNeed::valueOf).toList(),
                row.getString("note"), row.getBoolean("active"), row.getLong("building_id"),
                row.getLong("community_id"), row.getString("contact_name"), row.getString("contact_phone"));
    }
}
