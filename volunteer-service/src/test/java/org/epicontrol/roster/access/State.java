package org.epicontrol.roster.access;

import io.vertx.mutiny.sqlclient.Pool;

import java.util.List;
import java.util.stream.Collectors;

/** A fingerprint of every table of the service: equal before and after a refused operation if it changed nothing. */
final class State {

    private static final List<String> TABLES = List.of("org_unit", "community_rules", "team", "volunteer",
            "responsibility", "duty_post", "shift", "assignment", "swap_request", "task", "wish", "audit_event");

    private State() {
    }

    static String of(Pool pool) {
        String sql = "select md5(concat_ws('|', " + TABLES.stream()
                .map(t -> "(select string_agg(x::text, ',' order by x::text) from " + t + " x)")
                .collect(Collectors.joining(", ")) + ")) as state";
        return pool.query(sql).execute().await().indefinitely().iterator().next().getString("state");
    }
}
