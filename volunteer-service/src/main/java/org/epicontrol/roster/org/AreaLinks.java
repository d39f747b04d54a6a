package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.Map;

/**
 * Links units and posts to the notice-service area they answer for (what the Area fields follow down the area tree),
 * inside the write's permit: the object named is checked first in the same transaction, the link is audited.
 */
@ApplicationScoped
public class AreaLinks {

    private static final int MAX_AREA_ID_LENGTH = 200;

    /** What can be linked: its table, its type on the audit trail and its name in errors. */
    public enum Linked {
        UNIT("org_unit", "OrgUnit", "unit"),
        POST("duty_post", "DutyPost", "duty post");

        private final String sql;
        private final String type;
        private final String noun;

        Linked(String table, String type, String noun) {
            this.sql = "update " + table + " set area_id = $2 where id = $1";
            this.type = type;
            this.noun = noun;
        }
    }

    private final Pool pool;
    private final AuditTrail audit;

    public AreaLinks(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** The area id as a write receives it, stripped; INVALID_INPUT when empty or longer than an area id can be. */
    public static String checked(String areaId) {
        String id = areaId == null ? "" : areaId.strip();
        if (id.isEmpty() || id.length() > MAX_AREA_ID_LENGTH) {
            throw DomainException.invalid("areaId must have 1 to " + MAX_AREA_ID_LENGTH + " characters");
        }
        return id;
    }

    /** Links object {@code id} to area {@code areaId} (see {@link #checked}); NOT_FOUND when there is no such object. */
    public Uni<Void> link(Linked what, long id, String areaId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(what.sql).execute(Tuple.of(id, areaId))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainException.notFound(what.noun, id);
                    }
                    return audit.record(tx, actor, "LINK_AREA", what.type, id, Map.of("areaId", areaId));
                }));
    }
}
