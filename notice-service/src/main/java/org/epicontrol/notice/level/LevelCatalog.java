package org.epicontrol.notice.level;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The level vocabulary as stored; read per use, since it is small and may be edited by operators. */
@ApplicationScoped
public class LevelCatalog {

    /**
     * A risk_level row joined as {@code rl} into another statement (aliased apart from the joined tables' columns), so
     * that a look-up reads its level in the same round trip instead of the whole vocabulary beside it.
     */
    public static final String JOINED_COLUMNS = "rl.code as rl_code, rl.name as rl_name, rl.severity as rl_severity,"
            + " rl.valid_from as rl_valid_from, rl.valid_to as rl_valid_to, rl.description as rl_description";

    private final Pool pool;

    public LevelCatalog(Pool pool) {
        this.pool = pool;
    }

    /** By code, strictest first. */
    public Uni<Map<String, RiskLevel>> byCode() {
        return byCode(pool);
    }

    /** The same, read through the given client (the read replica for public look-ups). */
    public Uni<Map<String, RiskLevel>> byCode(SqlClient client) {
        // Prepared (and so cached per connection): parsed and planned once, not at every read.
        return client.preparedQuery("select code, name, severity, valid_from, valid_to, description from risk_level"
                        + " order by severity desc")
                .execute()
                .map(rows -> {
                    Map<String, RiskLevel> levels = new LinkedHashMap<>();
                    for (Row row : rows) {
                        levels.put(row.getString("code"), new RiskLevel(row.getString("code"), row.getString("name"),
                                row.getInteger("severity"), row.getLocalDate("valid_from"),
                                row.getLocalDate("valid_to"), row.getString("description")));
                    }
                    return levels;
                });
    }

    /** The level of {@link #JOINED_COLUMNS}; null where the row joined none (a code outside the vocabulary). */
    public static RiskLevel joined(Row row) {
        String code = row.getString("rl_code");
        return code == null ? null : new RiskLevel(code, row.getString("rl_name"), row.getInteger("rl_severity"),
                row.getLocalDate("rl_valid_from"), row.getLocalDate("rl_valid_to"), row.getString("rl_description"));
    }
}
