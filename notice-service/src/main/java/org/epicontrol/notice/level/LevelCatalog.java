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
        return client.query("select code, name, severity, valid_from, valid_to, description from risk_level"
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
}
