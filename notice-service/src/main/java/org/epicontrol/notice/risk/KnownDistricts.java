package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the public districts, which riskLevel needs to recognise the district in an address, kept in memory
 * instead of read on every request. Districts only ever become public (a notice never returns to draft), so the
 * list only grows: a copy may lack a district a later publication brought, never hold one too many. Hence
 * {@link #refreshed}: an address in which no known district is recognised is parsed again with the list read anew,
 * which is how every pod learns of a district another pod published. The pod that publishes also forgets its copy
 * once the publication has committed ({@link #forget}), so that a name extending a known one is recognised there at
 * once as well.
 */
@ApplicationScoped
public class KnownDistricts {

    private static final String NAMES = "select name from area where depth = 0 and published and name <> ''";

    private volatile List<String> names;

    /** The names as last read, read first if there are none yet. */
    public Uni<List<String>> current(SqlClient db) {
        List<String> known = names;
        return known != null ? Uni.createFrom().item(known) : refreshed(db);
    }

    /** The names read now (on the client given: the replica for a public read). */
    public Uni<List<String>> refreshed(SqlClient db) {
        return db.query(NAMES).execute().map(rows -> {
            List<String> read = new ArrayList<>();
            rows.forEach(r -> read.add(r.getString("name")));
            List<String> known = List.copyOf(read);
            names = known;
            return known;
        });
    }

    /** A publication committed: the next request reads the names again. */
    public void forget() {
        names = null;
    }
}
