package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.persistence.SessionSql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds where the objects of an operation sit in the organisation, batched. */
@ApplicationScoped
public class Targets {

    /** An object's organisation path (root first) and the volunteer it belongs to, if any. */
    public record Placed(long id, List<Long> path, Long owner) {
    }

    private final Pool pool;

    public Targets(Pool pool) {
        this.pool = pool;
    }

    /** Keyed by id; ids that do not exist are missing from the map. */
    public Uni<Map<Long, Placed>> find(Target target, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var query = ids.size() == 1
                ? pool.preparedQuery(target.sqlForOne()).execute(Tuple.of(ids.get(0)))
                : pool.preparedQuery(target.sqlForMany()).execute(Tuple.of((Object) ids.toArray(Long[]::new)));
        return query.map(Targets::placed);
    }

    /** Inside a write: the object on the write's own connection, its row locked until the write ends; null if none. */
    public Uni<Placed> findLocked(SqlClient tx, Target target, long id) {
        return tx.preparedQuery(target.sqlForOneLocked()).execute(Tuple.of(id)).map(rows -> placed(rows).get(id));
    }

    /** The same inside a write through Hibernate Reactive: on the session's connection, in its transaction. */
    public Uni<Placed> findLocked(SessionSql session, Target target, long id) {
        return session.select(target.sqlForOneLocked(), id).map(rows -> rows.isEmpty() ? null
                : new Placed((Long) rows.get(0)[0], Arrays.asList((Long[]) rows.get(0)[1]), (Long) rows.get(0)[2]));
    }

    private static Map<Long, Placed> placed(RowSet<Row> rows) {
        Map<Long, Placed> found = new HashMap<>();
        for (Row row : rows) {
            found.put(row.getLong("id"), new Placed(row.getLong("id"),
                    Arrays.asList(row.getArrayOfLongs("path_ids")), row.getLong("owner")));
        }
        return found;
    }
}
