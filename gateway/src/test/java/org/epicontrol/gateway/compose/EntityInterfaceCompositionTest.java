package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.epicontrol.gateway.testing.InterfaceObjectSubgraphs;
import org.junit.jupiter.api.Test;

/**
 * Entity interfaces and {@code @interfaceObject}s compose into the supergraph form the planner runs
 * ({@code @join__type(isInterfaceObject: true)}, {@code @join__implements}, graph-less {@code @join__field}s on the
 * implementations), and Apollo's rules for them are checked.
 */
class EntityInterfaceCompositionTest {

    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@interfaceObject\", \"@external\", \"@requires\", \"@shareable\"])\n";

    @Test
    void anInterfaceObjectMergesIntoTheEntityInterfaceAndItsFieldsReachTheImplementations() {
        String sdl = SupergraphComposer.compose(InterfaceObjectSubgraphs.sdl("{inventory}", "{reviews}"))
                .supergraphSdl();
        assertTrue(sdl.contains("""
                interface Media
                  @join__type(graph: INVENTORY, key: "id")
                  @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true)
                {
                  id: ID!
                  title: String! @join__field(graph: INVENTORY) @join__field(graph: REVIEWS, external: true)
                  reviews: [Review!]! @join__field(graph: REVIEWS)
                  summary: String @join__field(graph: REVIEWS, requires: "title")
                }
                """), sdl);
        assertTrue(sdl.contains("""
                type Book implements Media
                  @join__type(graph: INVENTORY, key: "id")
                  @join__implements(graph: INVENTORY, interface: "Media")
                {
                  id: ID!
                  title: String!
                  author: String
                  reviews: [Review!]! @join__field
                  summary: String @join__field
                }
                """), sdl);
    }

    @Test
    void anEntityInterfaceKeyMustBeAKeyOfEachImplementation() {
        assertEquals(List.of("INTERFACE_KEY_NOT_ON_IMPLEMENTATION"), codes(sub("a", """
                type Query { n: Node }
                interface Node @key(fields: "id") { id: ID! }
                type A implements Node @key(fields: "id") { id: ID! }
                type B implements Node { id: ID! }
                """)));
    }

    @Test
    void aSubgraphWithAResolvableInterfaceKeyDefinesEveryImplementation() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query { n: Node }
                        interface Node @key(fields: "id") { id: ID! }
                        type A implements Node @key(fields: "id") { id: ID! }
                        """),
                sub("b", """
                        type Query { m: Node @shareable }
                        interface Node { id: ID! }
                        type C implements Node { id: ID! }
                        """))));
        assertEquals("INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", e.errors().get(0).code(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("should define type \"C\""), e.getMessage());
    }

    @Test
    void anInterfaceObjectNeedsAKeyAndAnEntityInterfaceSomewhere() {
        assertEquals(List.of("INTERFACE_OBJECT_USAGE_ERROR", "INTERFACE_OBJECT_USAGE_ERROR"), codes(sub("a", """
                type Query { m: Media }
                type Media @interfaceObject { id: ID! }
                """)));
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { m: Media }\ninterface Media { id: ID! }\ntype A implements Media { id: ID! }"),
                sub("b", "type Query { n: Media }\ntype Media @key(fields: \"id\") @interfaceObject { id: ID! }"))));
        assertEquals("INTERFACE_OBJECT_USAGE_ERROR", e.errors().get(0).code(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("no resolvable @key"), e.getMessage());
    }

    @Test
    void theInterfaceObjectsSubgraphDefinesNoImplementation() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query { m: Media }
                        interface Media @key(fields: "id") { id: ID! }
                        type Book implements Media @key(fields: "id") { id: ID! }
                        """),
                sub("b", """
                        type Query { n: Media }
                        type Media @key(fields: "id") @interfaceObject { id: ID! }
                        type Book @key(fields: "id") { id: ID! pages: Int }
                        """))));
        assertTrue(e.errors().stream().anyMatch(x -> x.code().equals("INTERFACE_OBJECT_USAGE_ERROR")
                && x.message().contains("defines type \"Book\"")), e.getMessage());
    }

    @Test
    void anInterfaceKeyOnAMissingFieldIsReported() {
        assertEquals(List.of("KEY_INVALID_FIELDS"), codes(sub("a", """
                type Query { n: Node }
                interface Node @key(fields: "uid") { id: ID! }
                type A implements Node @key(fields: "uid") { id: ID! uid: ID! }
                """)));
    }

    private static List<String> codes(SubgraphSdl... subgraphs) {
        CompositionException e = assertThrows(CompositionException.class,
                () -> SupergraphComposer.compose(List.of(subgraphs)));
        return e.errors().stream().map(CompositionError::code).toList();
    }

    private static SubgraphSdl sub(String name, String sdl) {
        return new SubgraphSdl(name, "{" + name + "}", LINK + sdl);
    }
}
