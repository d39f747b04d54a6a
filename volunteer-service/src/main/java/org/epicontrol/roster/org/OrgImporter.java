package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.config.RosterConfig;
import org.epicontrol.roster.csv.CsvReader;
import org.epicontrol.roster.csv.CsvText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a district's organisation from CSV, one row per building path. All or nothing: a file with a rejected row
 * stores nothing, so that a half-imported district never has to be found and cleaned up by hand.
 */
@ApplicationScoped
public class OrgImporter {

    static final List<String> HEADER = List.of("district", "street", "community", "grid", "building");
    private static final OrgKind[] LEVELS = OrgKind.values();
    /** Levels every row must name; grid and building may be empty for a row that only declares a community. */
    private static final int REQUIRED_LEVELS = 3;
    private static final int MAX_NAME = 200;
    private static final int MAX_LISTED_REJECTIONS = 1000;
    /** Joins names into a path key; cannot occur in an accepted name, which has no control characters. */
    private static final char SEP = '\u0000';
    /** Serialises imports, so that two imports of one district do not race on the unique names. */
    private static final long IMPORT_LOCK = 0x4f7267496d706f72L;

    private static final String LOOKUP = """
            select w.ord, o.id
            from unnest($1::bigint[], $2::text[]) with ordinality as w(parent_id, name, ord)
            join org_unit o on coalesce(o.parent_id, 0) = w.parent_id and o.kind = $3 and o.name = w.name""";
    // The id is drawn before the insert so that path_ids (parent's path plus the unit itself) is written at once.
    private static final String INSERT = """
            insert into org_unit (id, kind, name, parent_id, path_ids)
            select n.id, $3, n.name, nullif(n.parent_id, 0), coalesce(p.path_ids, '{}') || n.id
            from (select nextval(pg_get_serial_sequence('org_unit', 'id')) as id, w.parent_id, w.name
                  from unnest($1::bigint[], $2::text[]) as w(parent_id, name)) n
            left join org_unit p on p.id = n.parent_id
            returning id, coalesce(parent_id, 0) as parent_id, name""";

    private final Pool pool;
    private final RosterConfig config;
    private final AuditTrail audit;
    private final ScopeResolver scopes;

    public OrgImporter(Pool pool, RosterConfig config, AuditTrail audit, ScopeResolver scopes) {
        this.pool = pool;
        this.config = config;
        this.audit = audit;
        this.scopes = scopes;
    }

    private record Parsed(int rows, List<String[]> paths, List<RejectedRow> rejected) {
    }

    private record Counts(int[] created, int[] reused) {
    }

    public Uni<OrgImportReport> importCsv(String csv, boolean dryRun, Actor actor) {
        // a file of many thousand rows takes a moment to read: not on the event loop
        return Uni.createFrom().item(() -> parse(csv))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(parsed -> apply(parsed, dryRun, actor));
    }

    private Uni<OrgImportReport> apply(Parsed parsed, boolean dryRun, Actor actor) {
        boolean store = !dryRun && parsed.rejected().isEmpty();
        Uni<Counts> counts = store
                ? pool.withTransaction(tx -> tx.query("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").execute()
                        .chain(() -> resolve(tx, parsed.paths(), true))
                        .call(c -> audit.record(tx, actor, "IMPORT_ORGANISATION", "Organisation", null,
                                Map.of("rows", parsed.rows(), "created", sum(c.created()), "reused", sum(c.reused())))))
                        .call(scopes::forgetAll)
                : pool.withConnection(c -> resolve(c, parsed.paths(), false));
        return counts
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("CONFLICT",
                        "a unit of the file was created by someone else during the import; import the file again"))
                .map(c -> report(parsed, c, store, dryRun));
    }

    private static OrgImportReport report(Parsed parsed, Counts counts, boolean stored, boolean dryRun) {
        int created = sum(counts.created());
        int reused = sum(counts.reused());
        String message;
        if (!parsed.rejected().isEmpty()) {
            message = parsed.rejected().size() + " of " + parsed.rows() + " rows rejected, nothing was stored;"
                    + " correct them and import the whole file again (the counts show what the accepted rows would do)";
        } else if (dryRun) {
            message = "dry run, nothing was stored: " + created + " units would be created, " + reused + " reused";
        } else {
            message = parsed.rows() + " rows stored: " + created + " units created, " + reused + " reused";
        }
        List<RejectedRow> listed = parsed.rejected().size() > MAX_LISTED_REJECTIONS
                ? parsed.rejected().subList(0, MAX_LISTED_REJECTIONS) : parsed.rejected();
        return new OrgImportReport(stored, dryRun, parsed.rows(), OrgImportCounts.of(counts.created()),
                OrgImportCounts.of(counts.reused()), parsed.rejected().size(), List.copyOf(listed), message);
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    private Parsed parse(String csv) {
        CsvReader reader = new CsvReader(csv == null ? "" : csv);
        CsvReader.Record header = reader.hasNext() ? reader.next() : null;
        if (header == null || header.error() != null
                || !header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
            throw new DomainException("INVALID_CSV", "the first line must be the header " + String.join(",", HEADER)
                    + ", found '" + (header == null ? "" : CsvText.excerpt(header.text())) + "'");
        }
        List<CsvReader.Record> records = reader.dataRows(config.importing().maxRows(),
                "split it, by district or street for instance");
        List<String[]> paths = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> buildingLines = new HashMap<>();
        for (CsvReader.Record record : records) {
            String[] names = new String[LEVELS.length];
            String reason = check(record, names, buildingLines);
            if (reason == null) {
                paths.add(names);
            } else {
                rejected.add(new RejectedRow(record.line(), reason, CsvText.excerpt(record.text())));
            }
        }
        return new Parsed(records.size(), paths, rejected);
    }

    /** Fills {@code names} (null for an empty grid or building) and returns why the row is refused, or null. */
    private static String check(CsvReader.Record record, String[] names, Map<String, Integer> buildingLines) {
        if (record.error() != null) {
            return record.error();
        }
        if (record.fields().size() != LEVELS.length) {
            return "expected " + LEVELS.length + " columns (" + String.join(",", HEADER) + "), found "
                    + record.fields().size();
        }
        for (int level = 0; level < LEVELS.length; level++) {
            String name = record.fields().get(level).strip();
            String problem = CsvText.problem(name, MAX_NAME);
            if (problem != null) {
                return level(level) + " " + problem;
            }
            names[level] = name.isEmpty() ? null : name;
        }
        for (int level = 0; level < LEVELS.length; level++) {
            if (names[level] != null) {
                continue;
            }
            for (int below = level + 1; below < LEVELS.length; below++) {
                if (names[below] != null) {
                    return "a " + level(below) + " without " + level(level);
                }
            }
            if (level < REQUIRED_LEVELS) {
                return level(level) + " is empty";
            }
        }
        if (names[LEVELS.length - 1] != null) {
            Integer first = buildingLines.putIfAbsent(key(names, LEVELS.length - 1), record.line());
            if (first != null) {
                return "building " + names[4] + " of grid " + names[3] + " appears again (first on line " + first + ")";
            }
        }
        return null;
    }

    private static String level(int level) {
        return HEADER.get(level);
    }

    private static String key(String[] names, int level) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i <= level; i++) {
            key.append(names[i]).append(SEP);
        }
        return key.toString();
    }

    /** Level by level, top down: each level is one lookup and (when writing) one insert, whatever the row count. */
    private Uni<Counts> resolve(SqlClient client, List<String[]> paths, boolean write) {
        Counts counts = new Counts(new int[LEVELS.length], new int[LEVELS.length]);
        // path key → id; a dry run gives units it would create negative ids, never sent to the database
        Map<String, Long> ids = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int level = 0; level < LEVELS.length; level++) {
            int current = level;
            chain = chain.chain(() -> resolveLevel(client, current, paths, ids, counts, write));
        }
        return chain.replaceWith(counts);
    }

    private Uni<Void> resolveLevel(SqlClient client, int level, List<String[]> paths, Map<String, Long> ids,
                                   Counts counts, boolean write) {
        List<String> keys = new ArrayList<>();
        List<Long> parents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String[] path : paths) {
            if (path[level] == null) {
                continue;
            }
            String key = key(path, level);
            if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
                continue;
            }
            long parent = level == 0 ? 0L : ids.get(key(path, level - 1));
            if (parent < 0) {
                // under a unit that does not exist yet: new without asking
                ids.put(key, -(ids.size() + 1L));
                counts.created()[level]++;
                continue;
            }
            keys.add(key);
            parents.add(parent);
            names.add(path[level]);
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String kind = LEVELS[level].name();
        return client.preparedQuery(LOOKUP)
                .execute(Tuple.of(parents.toArray(Long[]::new), names.toArray(String[]::new), kind))
                .chain(rows -> {
                    boolean[] found = new boolean[keys.size()];
                    for (Row row : rows) {
                        int index = (int) (row.getLong("ord") - 1);
                        found[index] = true;
                        ids.put(keys.get(index), row.getLong("id"));
                        counts.reused()[level]++;
                    }
                    Map<String, String> missing = new HashMap<>();
                    List<Long> newParents = new ArrayList<>();
                    List<String> newNames = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        if (found[i]) {
                            continue;
                        }
                        counts.created()[level]++;
                        if (!write) {
                            ids.put(keys.get(i), -(ids.size() + 1L));
                            continue;
                        }
                        missing.put(parents.get(i) + String.valueOf(SEP) + names.get(i), keys.get(i));
                        newParents.add(parents.get(i));
                        newNames.add(names.get(i));
                    }
                    if (newNames.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return client.preparedQuery(INSERT)
                            .execute(Tuple.of(newParents.toArray(Long[]::new), newNames.toArray(String[]::new), kind))
                            .invoke(inserted -> {
                                for (Row row : inserted) {
                                    String key = missing.get(row.getLong("parent_id") + String.valueOf(SEP)
                                            + row.getString("name"));
                                    ids.put(key, row.getLong("id"));
                                }
                            })
                            .replaceWithVoid();
                });
    }
}
