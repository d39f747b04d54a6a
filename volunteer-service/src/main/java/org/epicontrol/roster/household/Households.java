package org.epicontrol.roster.household;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.PageInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the household register in bulk (SQL): other features name households by id; the register's pages. */
@ApplicationScoped
public class Households {

    public static final String COLUMNS = "h.id, h.building_id, h.community_id, h.unit_label, h.room, h.address,"
            + " h.head_count, h.contact_name, h.contact_phone, h.needs, h.note, h.active, h.version";

    private static final String CURSOR = "households";
    private static final String SEP = "\u001f";
    // Numbers sort as numbers ("2号楼" before "10号楼", room 301 before 1101): by length, then text.
    private static final String ORDER = "length(b.name), b.name, length(h.unit_label), h.unit_label, length(h.room),"
            + " h.room, h.id";
    // The active households of every building whose path holds the unit; need: those flagged with it (the ledger).
    private static final String UNDER = """
            from household h join org_unit b on b.id = h.building_id
            where h.active and b.path_ids @> array[$1::bigint] and ($2::text is null or h.needs @> array[$2::text])""";
    private static final String PAGE = "select " + COLUMNS + ", b.name as building_name " + UNDER
            + " and ($3::text is null or (" + ORDER + ") > (length($3::text), $3::text, length($4::text), $4::text,"
            + " length($5::text), $5::text, $6::bigint))"
            + " order by " + ORDER + " limit $7";
    private static final String COUNT = "select count(*) as total " + UNDER;

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

    /**
     * A page of the active households in the unit (any level) and below, by building, unit and room; {@code need}
     * null for all of them, else the special-groups ledger of that need.
     */
    public Uni<HouseholdConnection> under(long unitId, HouseholdNeed need, int first, String after) {
        String[] key = after(after);
        String needName = need == null ? null : need.name();
        Uni<List<HouseholdConnection.Edge>> edges = pool.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(unitId, needName, key == null ? null : key[0],
                        key == null ? null : key[1], key == null ? null : key[2],
                        key == null ? null : Long.valueOf(key[3]), first + 1)))
                .map(rows -> {
                    List<HouseholdConnection.Edge> page = new ArrayList<>();
                    for (Row row : rows) {
                        Household h = map(row);
                        page.add(new HouseholdConnection.Edge(Cursor.encode(CURSOR, String.join(SEP,
                                row.getString("building_name"), h.unitLabel(), h.room(), h.id())), h));
                    }
                    return page;
                });
        Uni<Integer> total = pool.preparedQuery(COUNT).execute(Tuple.of(unitId, needName))
                .map(rows -> rows.iterator().next().getLong("total").intValue());
        return Uni.combine().all().unis(edges, total).asTuple().map(both -> {
            List<HouseholdConnection.Edge> page = both.getItem1();
            boolean more = page.size() > first;
            List<HouseholdConnection.Edge> shown = more ? page.subList(0, first) : page;
            return new HouseholdConnection(List.copyOf(shown), new PageInfo(more,
                    shown.isEmpty() ? null : shown.get(shown.size() - 1).cursor()), both.getItem2());
        });
    }

    /** building name, unit, room, id of the last household shown; null from the start. */
    private static String[] after(String cursor) {
        String key = Cursor.decode(CURSOR, cursor);
        if (key == null) {
            return null;
        }
        String[] parts = key.split(SEP, -1);
        if (parts.length != 4 || !parts[3].matches("\\d{1,18}")) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + cursor + "' is not a cursor of this listing");
        }
        return parts;
    }

    /** One row selected with {@link #COLUMNS}. */
    public static Household map(Row row) {
        return new Household(String.valueOf(row.getLong("id")), row.getString("unit_label"), row.getString("room"),
                row.getString("address"), row.getInteger("head_count"),
                Arrays.stream(row.getArrayOfStrings("needs")).map(HouseholdNeed::valueOf).toList(),
                row.getString("note"), row.getBoolean("active"), row.getLong("building_id"),
                row.getLong("community_id"), row.getString("contact_name"), row.getString("contact_phone"),
                row.getInteger("version"));
    }
}
