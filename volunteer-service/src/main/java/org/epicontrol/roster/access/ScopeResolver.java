package org.epicontrol.roster.access;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.security.Caller;
import org.epicontrol.roster.org.OrgKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a caller's group paths (names, district first), their linked (active) volunteer row and that volunteer's
 * responsibilities in one query.
 *
 * <p>A front end sends many requests with one token, so the result is kept per caller (subject, roles, groups) for
 * a short while ({@code quarkus.cache.caffeine."roster-scope".*}). Units and volunteer links are only ever added,
 * never changed: writes that add them (or a responsibility, or deactivate a volunteer) forget every kept scope here at once; other replicas notice within the expiry.
 */
@ApplicationScoped
public class ScopeResolver {

    public static final String CACHE = "roster-scope";

    // Walks each path down by names from its district; the unique index on (parent, kind, name) serves every step.
    // The caller's own volunteer row (volunteer.user_id = sub) comes along in the same round trip.
    private static final String RESOLVE = """
            with recursive wanted as (
              select ord, string_to_array(p, E'\\x1f') as names from unnest($1::text[]) with ordinality as t(p, ord)),
            walk(ord, depth, id, kind, path_ids) as (
              select w.ord, 1, o.id, o.kind, o.path_ids from wanted w
              join org_unit o on coalesce(o.parent_id, 0) = 0 and o.kind = 'DISTRICT' and o.name = w.names[1]
              union all
              select w.ord, k.depth + 1, o.id, o.kind, o.path_ids from walk k
              join wanted w on w.ord = k.ord and k.depth < cardinality(w.names)
              join org_unit o on coalesce(o.parent_id, 0) = k.id and o.name = w.names[k.depth + 1]
                and o.kind = ($3::text[])[k.depth + 1])
            select 'UNIT' as what, k.id, k.kind, k.path_ids from walk k join wanted w on w.ord = k.ord
            where k.depth = cardinality(w.names)
            union all
            select 'VOLUNTEER', v.id, null, array[v.community_id] from volunteer v where v.user_id = $2 and v.active
            union all
            select 'DUTY', r.org_unit_id, r.role, o.path_ids from volunteer v
            join responsibility r on r.volunteer_id = v.id join org_unit o on o.id = r.org_unit_id
            where v.user_id = $2 and v.active""";

    private static final char SEPARATOR = '\u001f';

    private final Pool pool;
    private final Cache cache;

    public ScopeResolver(Pool pool, @CacheName(CACHE) Cache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    /** After a write that adds an org unit or links a volunteer to an account: scopes are resolved afresh. */
    public Uni<Void> forgetAll() {
        return cache.invalidateAll();
    }

    @CacheResult(cacheName = CACHE)
    public Uni<Scope> resolve(Caller caller) {
        if (caller.anonymous()) {
            return Uni.createFrom().item(Scope.anonymous());
        }
        String[] paths = caller.orgPaths().stream()
                .filter(p -> !p.isEmpty() && p.size() <= OrgKind.values().length)
                .map(p -> String.join(String.valueOf(SEPARATOR), p))
                .toArray(String[]::new);
        String[] levels = Arrays.stream(OrgKind.values()).map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(RESOLVE).execute(Tuple.of(paths, caller.subject(), levels)).map(rows -> {
            List<Scope.Unit> units = new ArrayList<>();
            List<Scope.Duty> duties = new ArrayList<>();
            Long volunteer = null;
            Long community = null;
            for (Row row : rows) {
                switch (row.getString("what")) {
                    case "UNIT" -> units.add(new Scope.Unit(row.getLong("id"), OrgKind.valueOf(row.getString("kind")),
                            Arrays.asList(row.getArrayOfLongs("path_ids"))));
                    case "DUTY" -> duties.add(new Scope.Duty(row.getString("kind"), row.getLong("id"),
                            Arrays.asList(row.getArrayOfLongs("path_ids"))));
                    default -> {
                        volunteer = row.getLong("id");
                        community = row.getArrayOfLongs("path_ids")[0];
                    }
                }
            }
            return new Scope(caller, List.copyOf(units), volunteer, community, List.copyOf(duties));
        });
    }
}
