package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.junit.jupiter.api.Test;

/**
 * Shapes of the federation-gateway-audit's subgraphs that Apollo composition accepts, composed here to the same join
 * metadata (found by composing every Federation 2 audit suite with both and comparing).
 */
class ApolloParityTest {

    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\", "
            + "\"@inaccessible\"])\n";

    @Test
    void fieldsSelectedByANestedKeyAreShareable() {
        Supergraph s = compose(
                sub("a", "type Query { u: User }\ntype User @key(fields: \"id { one two }\") { id: CompositeID! }\n"
                        + "type CompositeID { one: ID! two: ID! }"),
                sub("b", "type User @key(fields: \"id { one two }\") { id: CompositeID! name: String }\n"
                        + "type CompositeID { one: ID! two: ID! }")).supergraph();
        assertEquals(List.of("A", "B"), s.resolvingGraphs("CompositeID", "one"));
    }

    @Test
    void requiresAndProvidesMayGoThroughALocalObjectFieldToExternalOnes() {
        SupergraphComposer.Composition c = compose(
                sub("a", "type Query { post: Post }\n"
                        + "type Post @key(fields: \"id\") { id: ID! author: Author @shareable }\n"
                        + "type Author @key(fields: \"id\") { id: ID! years: Int }"),
                sub("b", "type Post @key(fields: \"id\") { id: ID! author: Author @shareable "
                        + "byNovice: Boolean @requires(fields: \"author { years }\") }\n"
                        + "type Author @key(fields: \"id\") { id: ID! years: Int @external }"));
        assertTrue(c.supergraphSdl().contains("byNovice: Boolean @join__field(graph: B, "
                + "requires: \"author { years }\")"), c.supergraphSdl());
    }

    @Test
    void anExternalKeyFieldOfAnExtensionIsResolvedThereAllTheSame() {
        Supergraph s = compose(
                sub("price", "type Query { p: Product }\nextend type Product @key(fields: \"id\") "
                        + "{ id: ID! @external price: Int }"),
                sub("product", "type Product @key(fields: \"id\") { id: ID! name: String }")).supergraph();
        assertEquals(List.of("PRICE", "PRODUCT"), s.resolvingGraphs("Product", "id"));
    }

    @Test
    void anOverrideFromNoSubgraphOrFromAnExternalFieldTakesNothingOver() {
        String sdl = compose(
                sub("a", "type Query { p: Post }\ntype Post @key(fields: \"id\") { id: ID! createdAt: String! "
                        + "@shareable }"),
                sub("b", "type Post @key(fields: \"id\") { id: ID! createdAt: String! @shareable "
                        + "@override(from: \"nowhere\") }")).supergraphSdl();
        assertTrue(sdl.contains("  createdAt: String!\n"), sdl);
        String external = compose(
                sub("a", "type Query { u: User }\ntype User @key(fields: \"id\") { id: ID! name: String! @external "
                        + "greeting: String @requires(fields: \"name\") }"),
                sub("b", "type User @key(fields: \"id\") { id: ID! name: String! @override(from: \"a\") }"))
                .supergraphSdl();
        assertTrue(external.contains("name: String! @join__field(graph: A, external: true) "
                + "@join__field(graph: B, override: \"a\")\n"), external);
    }

    @Test
    void anOverriddenFieldThatImplementsAnInterfaceIsStillUsedThere() {
        String sdl = compose(
                sub("a", "type Query { posts: [Post] }\ninterface Post { createdAt: String! }\n"
                        + "type ImagePost implements Post @key(fields: \"id\") { id: ID! createdAt: String! }"),
                sub("b", "type ImagePost @key(fields: \"id\") { id: ID! createdAt: String! @override(from: \"a\") }"))
                .supergraphSdl();
        assertTrue(sdl.contains("createdAt: String! @join__field(graph: A, usedOverridden: true) "
                + "@join__field(graph: B, override: \"a\")"), sdl);
    }

    @Test
    void anInaccessibleEnumValueNeedNotBeInEverySubgraph() {
        String sdl = compose(
                sub("a", "type Query { users(type: UserType): [UserType] }\nenum UserType { REGULAR }"),
                sub("b", "type Query { all: [UserType] }\nenum UserType { REGULAR ANONYMOUS @inaccessible }"))
                .supergraphSdl();
        assertTrue(sdl.contains("ANONYMOUS @join__enumValue(graph: B) @inaccessible"), sdl);
    }

    private static SupergraphComposer.Composition compose(SubgraphSdl... subgraphs) {
        return SupergraphComposer.compose(List.of(subgraphs));
    }

    private static SubgraphSdl sub(String name, String sdl) {
        return new SubgraphSdl(name, "{" + name + "}", LINK + sdl);
    }
}
