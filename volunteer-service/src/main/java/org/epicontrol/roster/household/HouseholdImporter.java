package org.epicontrol.roster.household;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.csv.CsvReader;
import org.epicontrol.roster.csv.CsvText;
import org.epicontrol.roster.household.HouseholdField.Invalid;
import org.epicontrol.roster.org.RejectedRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports one community's households from CSV: all rows or nothing. A door already in the register (same building,
 * unit and room, active) is updated, any other row creates a household; one statement in the import's transaction
 * (insert … on conflict on the door's unique index: a door created concurrently is updated, never a second one; a
 * door twice in one file is refused before, as PostgreSQL would refuse to update one row twice in a statement). A
 * bulk upsert is where SQL is the point, so the import writes through the reactive client, not Panache.
 */
@ApplicationScoped
public class HouseholdImporter {

    private static final int MAX_LISTED_REJECTIONS = 1000;
    private static final List<HouseholdField> REQUIRED = List.of(HouseholdField.BUILDING, HouseholdField.ROOM,
            HouseholdField.HEAD_COUNT);

    private static final String COMMUNITY = "select kind from org_unit where id = $1";
    // the community's buildings with their grid's name (a building directly under the community has none)
    private static final String BUILDINGS = """
            select b.id, b.name, g.name as grid from org_unit b left join org_unit g on g.id = b.parent_id and g.kind = 'GRID'
            where b.kind = 'BUILDING' and b.path_ids @> array[$1::bigint]""";
    // xmax = 0 only on a row this statement inserted: tells created doors from updated ones
    private static final String UPSERT = """
            insert into household as h (community_id, building_id, unit_label, room, head_count, contact_name,
                                        contact_phone, needs, address, note)
            select $1, r.building, r.unit, r.room, r.heads, r.contact, r.phone,
                   coalesce(string_to_array(nullif(r.needs, ''), ';'), '{}'), r.address, r.note
            from unnest($2::bigint[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[]) as r(building, unit, room, heads, contact, phone, needs, address, note)
            on conflict (building_id, unit_label, room) where active do update
            set head_count = excluded.head_count, contact_name = excluded.contact_name,
                contact_phone = excluded.contact_phone, needs = excluded.needs, address = excluded.address,
                note = excluded.note, updated_at = now(), version = h.version + 1
            returning (xmax = 0) as created""";

    private final Pool pool;
    private final AuditTrail audit;
    private final HouseholdsConfig config;

    public HouseholdImporter(Pool pool, AuditTrail audit, HouseholdsConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    /** A data row read from the file: its values, and the building as written. */
    private record Line(int line, String text, String building, HouseholdValues values) {
    }

    /** A row whose building is found. */
    private record Door(long building, Line line) {

        String key() {
            return building + "\u001f" + line.values().unitLabel() + "\u001f" + line.values().room();
        }

        String describe() {
            String unit = line.values().unitLabel();
            return line.building() + (unit.isEmpty() ? "" : " " + unit) + " " + line.values().room();
        }
    }

    private record Parsed(int rows, List<Line> lines, List<RejectedRow> rejected) {
    }

    public Uni<HouseholdImportReport> importCsv(long communityId, String csv, Permit permit) {
        String text = csv == null ? "" : csv;
        long maxBytes = config.importing().maxBytes();
        long bytes = CsvText.utf8Bytes(text);
        if (bytes > maxBytes) {
            throw new DomainException("FILE_TOO_LARGE", "a file may hold at most " + maxBytes + " bytes, this one"
                    + " has " + bytes + "; split it by grid");
        }
        // a file of thousands of rows takes a moment to read: not on the event loop
        return Uni.createFrom().item(() -> parse(text))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(parsed -> permit.transaction(pool, (tx, actor) -> store(tx, actor, communityId, parsed)));
    }

    private Parsed parse(String csv) {
        CsvReader reader = new CsvReader(csv);
        CsvReader.Record header = reader.hasNext() ? reader.next() : null;
        List<HouseholdField> columns = header == null ? null : columns(header);
        if (columns == null) {
            throw new DomainException("INVALID_CSV", "the first line must be the header building,unit,room,head_count,"
                    + "contact_name,contact_phone,needs,address,note (or 楼栋,单元,门牌,人数,联系人,电话,特殊群体,地址,备注)"
                    + ", found '" + (header == null ? "" : CsvText.excerpt(header.text())) + "'");
        }
        List<CsvReader.Record> records = reader.dataRows(config.importing().maxRows(), "split it by grid");
        List<Line> lines = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (CsvReader.Record record : records) {
            String unreadable = record.error() != null ? record.error()
                    : record.fields().size() != columns.size()
                    ? "expected " + columns.size() + " columns, found " + record.fields().size() : null;
            try {
                if (unreadable == null) {
                    lines.add(line(record, columns));
                }
            } catch (Invalid e) {
                unreadable = e.field().column() + " " + e.getMessage();
            }
            if (unreadable != null) {
                rejected.add(new RejectedRow(record.line(), unreadable, CsvText.excerpt(record.text())));
            }
        }
        return new Parsed(records.size(), lines, rejected);
    }

    /** The field of each column; null unless every cell names a field once and the required ones are there. */
    private static List<HouseholdField> columns(CsvReader.Record header) {
        if (header.error() != null) {
            return null;
        }
        List<HouseholdField> columns = new ArrayList<>();
        for (String cell : header.fields()) {
            HouseholdField field = HouseholdField.ofHeader(cell);
            if (field == null || columns.contains(field)) {
                return null;
            }
            columns.add(field);
        }
        return columns.containsAll(REQUIRED) ? columns : null;
    }

    private static Line line(CsvReader.Record record, List<HouseholdField> columns) {
        Map<HouseholdField, String> cells = new EnumMap<>(HouseholdField.class);
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i), record.fields().get(i));
        }
        String building = Doors.fold(cells.get(HouseholdField.BUILDING));
        if (building == null || building.isEmpty()) {
            throw new Invalid(HouseholdField.BUILDING, "is empty");
        }
        HouseholdValues values = HouseholdValues.ofText(cells.get(HouseholdField.UNIT), cells.get(HouseholdField.ROOM),
                cells.get(HouseholdField.ADDRESS), cells.get(HouseholdField.HEAD_COUNT),
                cells.get(HouseholdField.CONTACT_NAME), cells.get(HouseholdField.CONTACT_PHONE),
                cells.get(HouseholdField.NEEDS), cells.get(HouseholdField.NOTE));
        return new Line(record.line(), record.text(), building, values);
    }

    private Uni<HouseholdImportReport> store(SqlConnection tx, Actor actor, long communityId, Parsed parsed) {
        return tx.preparedQuery(COMMUNITY).execute(Tuple.of(communityId)).chain(kind -> {
            if (!kind.iterator().hasNext() || !"COMMUNITY".equals(kind.iterator().next().getString("kind"))) {
                throw DomainException.invalid("communityId: unit " + communityId + " is not a community");
            }
            return tx.preparedQuery(BUILDINGS).execute(Tuple.of(communityId));
        }).chain(buildingRows -> {
            BuildingNames buildings = new BuildingNames(buildingRows);
            List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
            List<Door> accepted = new ArrayList<>();
            Map<String, Integer> firstLine = new HashMap<>();
            for (Line line : parsed.lines()) {
                String reason;
                try {
                    Door door = new Door(buildings.resolve(line.building()), line);
                    Integer first = firstLine.putIfAbsent(door.key(), line.line());
                    reason = first == null ? null : "the door " + door.describe() + " appears again (first on line "
                            + first + ")";
                    if (reason == null) {
                        accepted.add(door);
                    }
                } catch (Invalid e) {
                    reason = e.field().column() + " " + e.getMessage();
                }
                if (reason != null) {
                    rejected.add(new RejectedRow(line.line(), reason, CsvText.excerpt(line.text())));
                }
            }
            if (!rejected.isEmpty()) {
                rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
                return Uni.createFrom().item(report(parsed.rows(), 0, 0, rejected));
            }
            return upsert(tx, communityId, accepted).chain(created -> {
                int updated = accepted.size() - created;
                return audit.record(tx, actor, "IMPORT_HOUSEHOLDS", "Community", communityId,
                                Map.of("rows", parsed.rows(), "created", created, "updated", updated))
                        .replaceWith(report(parsed.rows(), created, updated, List.of()));
            });
        });
    }

    /** Answers how many rows were created (the rest updated). */
    private static Uni<Integer> upsert(SqlConnection tx, long communityId, List<Door> doors) {
        int n = doors.size();
        if (n == 0) {
            return Uni.createFrom().item(0);
        }
        Long[] building = new Long[n];
        String[] unit = new String[n];
        String[] room = new String[n];
        Integer[] heads = new Integer[n];
        String[] contact = new String[n];
        String[] phone = new String[n];
        String[] needs = new String[n];
        String[] address = new String[n];
        String[] note = new String[n];
        for (int i = 0; i < n; i++) {
            HouseholdValues v = doors.get(i).line().values();
            building[i] = doors.get(i).building();
            unit[i] = v.unitLabel();
            room[i] = v.room();
            heads[i] = v.headCount();
            contact[i] = v.contactName();
            phone[i] = v.contactPhone();
            needs[i] = String.join(";", v.needs().stream().map(Enum::name).toList());
            address[i] = v.address();
            note[i] = v.note();
        }
        return tx.preparedQuery(UPSERT).execute(Tuple.from(Arrays.asList(communityId, building, unit, room, heads,
                        contact, phone, needs, address, note)))
                .map(rows -> {
                    int created = 0;
                    for (Row row : rows) {
                        created += row.getBoolean("created") ? 1 : 0;
                    }
                    return created;
                });
    }

    private static HouseholdImportReport report(int rows, int created, int updated, List<RejectedRow> rejected) {
        String message = rejected.isEmpty()
                ? rows + " rows stored: " + created + " households created, " + updated + " updated"
                : rejected.size() + " of " + rows + " rows rejected, nothing was stored; correct them and import the"
                        + " whole file again";
        List<RejectedRow> listed = rejected.size() > MAX_LISTED_REJECTIONS
                ? rejected.subList(0, MAX_LISTED_REJECTIONS) : rejected;
        return new HouseholdImportReport(rejected.isEmpty(), rows, created, updated, List.copyOf(listed),
                rejected.size(), message);
    }
}
