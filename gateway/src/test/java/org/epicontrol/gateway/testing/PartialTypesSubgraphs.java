package org.epicontrol.gateway.testing;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * Two subgraphs that see the abstract types differently: a union with members only one of them has, below a field
 * both resolve ({@code Depot.shelf}); a union member implementing an interface only in the other subgraph
 * ({@code TestKit} is a {@code Node} in b only); a shared {@code node} field whose implementations' key fields are
 * {@code @external} in one subgraph each; and a shared root field that b {@code @provides} on an interface-typed
 * field, which a refuses to answer.
 */
public final class PartialTypesSubgraphs implements AutoCloseable {
    public static final String SUPERGRAPH = """
            enum join__Graph {
              A @join__graph(name: "a", url: "{a}")
              B @join__graph(name: "b", url: "{b}")
            }

            type Query @join__type(graph: A) @join__type(graph: B) {
              depot: Depot @join__field(graph: A)
              kits: [Kit] @join__field(graph: A)
              node(id: ID!): Node
              featured: Report @join__field(graph: A) @join__field(graph: B, provides: "samples { id result }")
            }

            type Depot @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
              id: ID!
              shelf: Shelf
              coldShelf: Shelf @join__field(graph: B)
            }

            type Shelf @join__type(graph: A) @join__type(graph: B) {
              items: [Item!]!
            }

            union Item @join__type(graph: A) @join__type(graph: B)
              @join__unionMember(graph: A, member: "Mask") @join__unionMember(graph: B, member: "Mask")
              @join__unionMember(graph: A, member: "Glove") @join__unionMember(graph: B, member: "Vaccine")
              = Mask | Glove | Vaccine

            type Mask @join__type(graph: A) @join__type(graph: B) { size: String }
            type Glove @join__type(graph: A) { material: String }
            type Vaccine @join__type(graph: B) { doses: Int }

            interface Node @join__type(graph: A) @join__type(graph: B) {
              id: ID!
            }

            union Kit @join__type(graph: A)
              @join__unionMember(graph: A, member: "TestKit") @join__unionMember(graph: A, member: "Thermometer")
              = TestKit | Thermometer

            type TestKit implements Node @join__implements(graph: B, interface: "Node")
              @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
            {
              id: ID!
              accuracy: Int @join__field(graph: B)
            }

            type Thermometer implements Node
              @join__implements(graph: A, interface: "Node") @join__implements(graph: B, interface: "Node")
              @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
            {
              id: ID! @join__field(graph: A) @join__field(graph: B, external: true)
              scale: String @join__field(graph: A)
            }

            type Batch implements Node
              @join__implements(graph: A, interface: "Node") @join__implements(graph: B, interface: "Node")
              @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
            {
              id: ID! @join__field(graph: A, external: true) @join__field(graph: B)
              lot: String @join__field(graph: B)
            }

            interface Report @join__type(graph: A) @join__type(graph: B) {
              id: ID!
              samples: [Sample] @join__field(graph: B)
            }

            type LabReport implements Report
              @join__implements(graph: A, interface: "Report") @join__implements(graph: B, interface: "Report")
              @join__type(graph: A, key: "id") @join__type(graph: B)
            {
              id: ID!
              samples: [Sample] @join__field(graph: B)
            }

            interface Sample @join__type(graph: A) @join__type(graph: B) {
              id: ID!
              result: String
            }

            type Swab implements Sample
              @join__implements(graph: A, interface: "Sample") @join__implements(graph: B, interface: "Sample")
              @join__type(graph: A, key: "id") @join__type(graph: B)
            {
              id: ID! @join__field(graph: A) @join__field(graph: B, external: true)
              result: String @join__field(graph: A) @join__field(graph: B, external: true)
              collectedAt: String @join__field(graph: A)
            }
            """;

    public final TestSubgraph a;
    public final TestSubgraph b;

    private static final Map<String, Object> MASK = Map.of("__typename", "Mask", "size", "M");
    private static final List<Map<String, Object>> SWABS = List.of(
            Map.of("__typename", "Swab", "id", "s1", "result", "negative", "collectedAt", "08:00"),
            Map.of("__typename", "Swab", "id", "s2", "result", "positive", "collectedAt", "09:30"));

    public PartialTypesSubgraphs(Vertx vertx) {
        a = TestSubgraph.builder("a", """
                        type Query { depot: Depot kits: [Kit] node(id: ID!): Node featured: Report }
                        type Depot @key(fields: "id") { id: ID! shelf: Shelf }
                        type Shelf { items: [Item!]! }
                        union Item = Mask | Glove
                        type Mask { size: String }
                        type Glove { material: String }
                        interface Node { id: ID! }
                        union Kit = TestKit | Thermometer
                        type TestKit @key(fields: "id") { id: ID! }
                        type Thermometer implements Node @key(fields: "id") { id: ID! scale: String }
                        type Batch implements Node @key(fields: "id") { id: ID! @external }
                        interface Report { id: ID! }
                        type LabReport implements Report @key(fields: "id") { id: ID! }
                        interface Sample { id: ID! result: String }
                        type Swab implements Sample @key(fields: "id") { id: ID! result: String collectedAt: String }
                        """)
                .field("Query", "depot", env -> Map.of("id", "d1", "shelf", Map.of("items",
                        List.of(MASK, Map.of("__typename", "Glove", "material", "nitrile")))))
                .field("Query", "kits", env -> List.of(Map.of("__typename", "TestKit", "id", "k1"),
                        Map.of("__typename", "Thermometer", "id", "t1")))
                .field("Query", "node", env -> "t1".equals(env.getArgument("id"))
                        ? Map.of("__typename", "Thermometer", "id", "t1", "scale", "celsius")
                        : Map.of("__typename", "Batch", "id", "not known here"))
                .field("Query", "featured", env -> {
                    throw new IllegalStateException("featured reports are b's");
                })
                .entity("Depot", rep -> Map.of("id", rep.get("id"), "shelf", Map.of("items", List.of(MASK))))
                .entity("TestKit", rep -> Map.of("id", rep.get("id")))
                .entity("Thermometer", rep -> Map.of("id", rep.get("id"), "scale", "celsius"))
                .entity("Batch", rep -> Map.of("id", rep.get("id")))
                .entity("Swab", rep -> SWABS.stream().filter(s -> s.get("id").equals(rep.get("id"))).findFirst()
                        .orElse(null))
                .start(vertx);
        b = TestSubgraph.builder("b", """
                        type Query { node(id: ID!): Node featured: Report @provides(fields: "samples { id result }") }
                        type Depot @key(fields: "id") { id: ID! shelf: Shelf coldShelf: Shelf }
                        type Shelf { items: [Item!]! }
                        union Item = Mask | Vaccine
                        type Mask { size: String }
                        type Vaccine { doses: Int }
                        interface Node { id: ID! }
                        type TestKit implements Node @key(fields: "id") { id: ID! accuracy: Int }
                        type Thermometer implements Node @key(fields: "id") { id: ID! @external }
                        type Batch implements Node @key(fields: "id") { id: ID! lot: String }
                        interface Report { id: ID! samples: [Sample] }
                        type LabReport implements Report { id: ID! samples: [Sample] }
                        interface Sample { id: ID! result: String }
                        type Swab implements Sample { id: ID! @external result: String @external }
                        """)
                .field("Query", "node", env -> Map.of("__typename", "Batch", "id", env.getArgument("id"),
                        "lot", "L7"))
                .field("Query", "featured", env -> Map.of("__typename", "LabReport", "id", "r1", "samples",
                        SWABS.stream().map(s -> Map.of("__typename", "Swab", "id", s.get("id"),
                                "result", s.get("result"))).toList()))
                .entity("Depot", rep -> Map.of("id", rep.get("id"), "coldShelf", Map.of("items",
                        List.of(MASK, Map.of("__typename", "Vaccine", "doses", 2)))))
                .entity("TestKit", rep -> Map.of("id", rep.get("id"), "accuracy", 98))
                .entity("Batch", rep -> Map.of("id", rep.get("id"), "lot", "L7"))
                .start(vertx);
    }

    public Map<String, String> urls() {
        return Map.of("a", a.url(), "b", b.url());
    }

    public void reset() {
        a.reset();
        b.reset();
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
