package org.epicontrol.roster.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class Volunteers {

    static final String COLUMNS = "v.id as v_id, v.name as v_name, v.kinds as v_kinds, v.skills as v_skills,"
            + " v.active as v_active, v.community_id as v_community_id,"
            + " v.phone as v_phone, v.user_id as v_user_id";

    private final Pool pool;
    private final AuditTrail audit;
    private final ScopeResolver scopes;
    private final Teams teams;

    public Volunteers(Pool pool, AuditTrail audit, ScopeResolver scopes, Teams teams) {
        this.pool = pool;
        this.audit = audit;
        this.scopes = scopes;
        this.teams = teams;
    }

    public static Volunteer map(Row row) {
        return new Volunteer(String.valueOf(row.getLong("v_id")), row.getString("v_name"),
                Arrays.stream(row.getArrayOfStrings("v_kinds")).map(VolunteerKind::valueOf).toList(),
                Arrays.asList(row.getArrayOfStrings("v_skills")), row.getBoolean("v_active"),
                row.getLong("v_community_id"), row.getString("v_phone"),
                row.getString("v_user_id"));
    }

    public Uni<Volunteer> create(VolunteerInput input, Permit permit) {
        String name = input.name() == null ? "" : input.name().strip();
        checkName(name);
        checkPhone(input.phone());
        long community = Ids.parse(input.communityId());
        Long team = input.teamId() == null ? null : Ids.parse(input.teamId());
        String[] kinds = kinds(input.kinds());
        String[] skills = skills(input.skills());
        String sql = """
                insert into volunteer (name, phone, community_id, kinds, skills, user_id)
                select $1, $2, o.id, $4, $5, $6 from org_unit o where o.id = $3 and o.kind = 'COMMUNITY'
                returning id""";
        // the phone is personal data: the trail says whether one was given, not which
        Map<String, Object> details = new HashMap<>();
        details.put("name", name);
        details.put("communityId", community);
        details.put("kinds", List.of(kinds));
        details.put("phoneGiven", input.phone() != null);
        details.put("userId", input.userId());
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.from(Arrays.asList(name, input.phone(), community, kinds, skills, input.userId())))
                        .call(rows -> rows.rowCount() == 0 || team == null ? Uni.createFrom().voidItem()
                                : teams.join(tx, team, rows.iterator().next().getLong("id")))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "CREATE_VOLUNTEER", "Volunteer",
                                        rows.iterator().next().getLong("id"), details)))
                .call(rows -> input.userId() == null ? Uni.createFrom().voidItem() : scopes.forgetAll())
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainException.notFound("community", community);
                    }
                    return byId(rows.iterator().next().getLong("id"));
                });
    }

    public Uni<Volunteer> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("volunteer", id);
            }
            return list.get(0);
        });
    }

    /** One position per id, null where no volunteer has that id. */
    public Uni<List<Volunteer>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer v where v.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Volunteer> found = new HashMap<>();
                    for (Row row : rows) {
                        Volunteer v = map(row);
                        found.put(v.numericId(), v);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    public Uni<List<Volunteer>> ofCommunity(long communityId, int first) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer v where v.community_id = $1 order by v.id limit $2")
                .execute(Tuple.of(communityId, first))
                .map(rows -> {
                    List<Volunteer> list = new ArrayList<>();
                    rows.forEach(r -> list.add(map(r)));
                    return list;
                });
    }

    /** The volunteer whose Keycloak account this is, or null. */
    public Uni<Volunteer> byUserId(String userId) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer v where v.user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalid("name must have 1 to 100 characters");
        }
    }

    static void checkPhone(String phone) {
        if (phone != null && !phone.matches("\\+?[0-9 -]{5,20}")) {
            throw DomainException.invalid("phone '" + phone + "' is not a phone number");
        }
    }

    static String[] kinds(List<VolunteerKind> kinds) {
        return kinds == null ? new String[0] : kinds.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    static String[] skills(List<String> skills) {
        return skills == null ? new String[0]
                : skills.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
    }
}
