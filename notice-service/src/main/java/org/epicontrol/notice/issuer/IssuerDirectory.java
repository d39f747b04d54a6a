package org.epicontrol.notice.issuer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The issuers and their aliases as stored (V5); read per import, since the table is small and operators edit it. */
@ApplicationScoped
public class IssuerDirectory {

    private final Pool pool;

    public IssuerDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<IssuerNames> names() {
        return pool.query("select a.alias, i.name from issuer_alias a join issuer i on i.id = a.issuer_id")
                .execute()
                .map(rows -> {
                    Map<String, String> byAlias = new HashMap<>();
                    for (Row row : rows) {
                        byAlias.put(row.getString("alias"), row.getString("name"));
                    }
                    return new IssuerNames(byAlias);
                });
    }
}
