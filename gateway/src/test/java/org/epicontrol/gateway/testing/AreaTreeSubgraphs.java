package org.epicontrol.gateway.testing;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two subgraphs shaped like the suite's: "notices" owns {@code Area} with its ancestry {@code pathIds} (a list of
 * ids, root first), "volunteers" extends it with fields that {@code @requires(fields: "pathIds")}, as SmallRye
 * GraphQL prints them. Notice n has {@code designations} designations of {@code areasEach} building units each,
 * all inside compound {@code c}; volunteers links a grid to the compound and a post to every even building, and
 * answers from the path it is handed, so a representation without one shows as a missing grid.
 */
public final class AreaTreeSubgraphs implements AutoCloseable {
    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@inaccessible\"])\n";

    private static final String NOTICES_SDL = """
            type Query { notice(number: Int!, designations: Int!, areasEach: Int!): Notice }
            type Notice { number: Int! designations: [Designation!]! }
            type Designation { text: String! areas: [Area!]! }
            type Area @key(fields: "id") { id: ID! fullName: String! pathIds: [ID!]! }
            """;

    // As volunteer-service's _service { sdl } prints its Area (SmallRye GraphQL 2.17: "fields :" with a space).
    private static final String VOLUNTEERS_SDL = """
            type Query { grid(id: ID!): Grid }
            type Area @key(fields : "id") {
              dutyPosts: [DutyPost] @requires(fields : "pathIds")
              id: ID!
              pathIds: [ID!]! @external
              responsibleGrid: Grid @requires(fields : "pathIds")
            }
            type Grid @key(fields : "id") { id: ID! name: String }
            type DutyPost @key(fields : "id") { id: ID! name: String! }
            """;

    public static final String COMPOUND = "c";
    public static final Map<String, String> SDL = Map.of("notices", LINK + NOTICES_SDL,
            "volunteers", LINK + VOLUNTEERS_SDL);

    public final TestSubgraph notices;
    public final TestSubgraph volunteers;

    public AreaTreeSubgraphs(Vertx vertx) {
        notices = TestSubgraph.builder("notices", NOTICES_SDL)
                .serviceSdl(SDL.get("notices"))
                .field("Query", "notice", env -> notice(env.getArgument("number"), env.getArgument("designations"),
                        env.getArgument("areasEach")))
                .entity("Area", rep -> area((String) rep.get("id")))
                .start(vertx);
        volunteers = TestSubgraph.builder("volunteers", VOLUNTEERS_SDL)
                .serviceSdl(SDL.get("volunteers"))
                .field("Query", "grid", env -> Map.of("id", env.getArgument("id"), "name", "第一网格"))
                .entity("Area", AreaTreeSubgraphs::fieldWork)
                .entity("Grid", rep -> Map.of("id", rep.get("id"), "name", "第一网格"))
                .entity("DutyPost", rep -> Map.of("id", rep.get("id"), "name", "岗"))
                .start(vertx);
    }

    /** Unit u of building b: "c/b/u", its path [c, c/b, c/b/u]. */
    public static List<String> path(String unitId) {
        String[] parts = unitId.split("/");
        List<String> path = new ArrayList<>();
        for (int i = 1; i <= parts.length; i++) {
            path.add(String.join("/", List.of(parts).subList(0, i)));
        }
        return path;
    }

    private static Map<String, Object> notice(int number, int designations, int areasEach) {
        List<Object> list = new ArrayList<>();
        for (int d = 0; d < designations; d++) {
            List<Object> areas = new ArrayList<>();
            for (int a = 0; a < areasEach; a++) {
                areas.add(area(COMPOUND + "/" + d + "/" + a));
            }
            list.add(Map.of("text", "第" + d + "号楼", "areas", areas));
        }
        return Map.of("number", number, "designations", list);
    }

    private static Map<String, Object> area(String id) {
        return Map.of("id", id, "fullName", "书林苑小区" + id, "pathIds", path(id));
    }

    /** Answers from the representation's path only, as volunteer-service does. */
    private static Map<String, Object> fieldWork(Map<String, Object> rep) {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("id", rep.get("id"));
        List<?> path = (List<?>) rep.get("pathIds");
        area.put("responsibleGrid", path != null && path.contains(COMPOUND) ? Map.of("id", "g1", "name", "第一网格") : null);
        List<Object> posts = new ArrayList<>();
        if (path != null && path.size() > 1 && Integer.parseInt(((String) path.get(1)).split("/")[1]) % 2 == 0) {
            posts.add(Map.of("id", "p-" + path.get(1), "name", path.get(1) + "楼门"));
        }
        area.put("dutyPosts", posts);
        return area;
    }

    public Map<String, String> urls() {
        return Map.of("notices", notices.url(), "volunteers", volunteers.url());
    }

    public void reset() {
        notices.reset();
        volunteers.reset();
    }

    @Override
    public void close() {
        notices.close();
        volunteers.close();
    }
}
