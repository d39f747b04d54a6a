package org.epicontrol.roster.org;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for this service: units and people created over GraphQL, each test under names of its own. */
public final class OrgFixtures {

    /** Signed in as a system administrator, like {@link RosterFixtures#GRAPHQL}. */
    public static final GraphQLClient GRAPHQL = RosterFixtures.GRAPHQL;

    private static final String CREATE_UNIT = """
            mutation($kind: OrgKind!, $name: String!, $parent: ID) {
              createOrgUnit(kind: $kind, name: $name, parentId: $parent) { id } }""";
    private static final String CREATE_VOLUNTEER = """
            mutation($input: VolunteerInput!) { createVolunteer(input: $input) { id } }""";

    /** A branch of the organisation down to two buildings of one grid. */
    public record Branch(String district, String street, String community, String grid, String building1,
                         String building2) {
    }

    private OrgFixtures() {
    }

    /** A name no other test uses, so that tests sharing one database do not see each other's units. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String unit(String kind, String name, String parentId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("kind", kind);
        vars.put("name", name);
        vars.put("parent", parentId);
        return GRAPHQL.data(CREATE_UNIT, vars).getString("createOrgUnit.id");
    }

    public static Branch branch() {
        String district = unit("DISTRICT", unique("小店区"), null);
        String street = unit("STREET", "平阳路街道", district);
        String community = unit("COMMUNITY", "府东社区", street);
        String grid = unit("GRID", "第一网格", community);
        return new Branch(district, street, community, grid, unit("BUILDING", "1号楼", grid),
                unit("BUILDING", "2号楼", grid));
    }

    public static String volunteer(String communityId, String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("communityId", communityId);
        input.put("kinds", List.of("PARTY_MEMBER"));
        input.put("skills", List.of());
        return GRAPHQL.data(CREATE_VOLUNTEER, Map.of("input", input)).getString("createVolunteer.id");
    }

    /** Counts straight from the database, to show that a refused request changed nothing. */
    public static long count(Pool pool, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return pool.query("select count(*) as n from " + table).execute().await().indefinitely()
                .iterator().next().getLong("n");
    }

    public static long scalar(Pool pool, String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
