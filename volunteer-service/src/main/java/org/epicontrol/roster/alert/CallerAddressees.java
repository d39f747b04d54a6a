package org.epicontrol.roster.alert;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Scope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Resolves whom a caller is among the alerts' audiences: their groups (scope) and their grid responsibilities. */
@ApplicationScoped
public class CallerAddressees {

    // The grids the caller's linked volunteer is a grid worker of (org data: responsibility, role GRID_WORKER).
    private static final String RESPONSIBLE_GRIDS = "select g.path_ids from volunteer v"
            + " join responsibility r on r.volunteer_id = v.id and r.role = 'GRID_WORKER'"
            + " join org_unit g on g.id = r.org_unit_id and g.kind = 'GRID'"
            + " where v.user_id = $1 and v.active";

    private final Pool pool;
    private final RosterAccess access;

    public CallerAddressees(Pool pool, RosterAccess access) {
        this.pool = pool;
        this.access = access;
    }

    /** The caller signed in with a role of the realm (refused otherwise), as the alerts address them. */
    public Uni<Addressees> of(String operation) {
        return access.signedIn(operation).chain(this::of);
    }

    private Uni<Addressees> of(Scope scope) {
        if (scope.systemAdmin()) {
            return Uni.createFrom().item(new Addressees(scope, AccessRules.alertAudiences(scope, List.of()), access));
        }
        return pool.preparedQuery(RESPONSIBLE_GRIDS).execute(Tuple.of(scope.caller().subject())).map(rows -> {
            List<List<Long>> paths = new ArrayList<>();
            for (Row row : rows) {
                paths.add(Arrays.asList(row.getArrayOfLongs("path_ids")));
            }
            return new Addressees(scope, AccessRules.alertAudiences(scope, paths), access);
        });
    }
}
