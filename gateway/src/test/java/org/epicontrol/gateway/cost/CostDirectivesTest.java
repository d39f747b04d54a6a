package org.epicontrol.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.Map;
import org.epicontrol.gateway.compose.SubgraphSdl;
import org.epicontrol.gateway.compose.SupergraphComposer;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.junit.jupiter.api.Test;

/** {@code @cost} and {@code @listSize} written in a subgraph's SDL reach the supergraph and change the estimate. */
class CostDirectivesTest {
    private static final String LINK_2_9 = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", "
            + "import: [\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@inaccessible\", "
            + "\"@cost\", \"@listSize\"])\n";

    @Test
    void costAndListSizeOfSubgraphsChangeTheEstimate() {
        String query = "{ topProducts(first: 3) { reviews { id } } }";
        assertEquals(3 * (1 + 10 * 1), estimate(compose(ShopSubgraphs.FEDERATION_2_SDL), query));

        Map<String, String> sdl = new HashMap<>(ShopSubgraphs.FEDERATION_2_SDL);
        sdl.put("products", sdl.get("products").replace("type Product @key(fields: \"upc\")",
                "type Product @key(fields: \"upc\") @cost(weight: 4)"));
        sdl.put("reviews", sdl.get("reviews").replace("type Product @key(fields: \"upc\") { upc: String! reviews: [Review] }",
                "type Product @key(fields: \"upc\") { upc: String! reviews: [Review] @listSize(assumedSize: 2) }"));
        sdl.replaceAll((name, text) -> text.replace(text.substring(0, text.indexOf('\n') + 1), LINK_2_9));
        SupergraphComposer.Composition c = compose(sdl);
        assertTrue(c.supergraphSdl().contains("@link(url: \"https://specs.apollo.dev/cost/v0.1\", "
                + "import: [\"@cost\", \"@listSize\"])"), c.supergraphSdl());
        // 3 × (Product 4 + reviews 2 × Review 1)
        assertEquals(3 * (4 + 2 * 1), estimate(c, query));
        assertFalse(c.supergraph().apiSchema().getDirectives().stream().anyMatch(d -> d.getName().equals("cost")),
                "the cost directives are the gateway's business, not the API's");
    }

    @Test
    void slicingArgumentsAndSizedFieldsOfListSizeSizeAConnection() {
        String page = LINK_2_9 + """
                type Query {
                  feed(take: Int): Page @listSize(slicingArguments: ["take"], sizedFields: ["items"])
                  notices(first: Int): NoticeConnection
                }
                type Page { items: [Item] total: Int }
                type Item @key(fields: "id") { id: ID! tags: [Item] }
                type NoticeConnection { edges: [NoticeEdge] }
                type NoticeEdge { node: Item }
                """;
        SupergraphComposer.Composition c = compose(Map.of("feed", page));
        // Page 1 + take 4 × Item 1; the items' own list size (10) is replaced
        assertEquals(1 + 4, estimate(c, "{ feed(take: 4) { items { id } } }"));
        assertEquals(1 + 4 * (1 + 10), estimate(c, "{ feed(take: 4) { items { tags { id } } } }"));
        // Relay connections by configuration (gateway.cost.sized-fields): first sizes edges
        assertEquals(1 + 2 * (1 + 1), estimate(c, "{ notices(first: 2) { edges { node { id } } } }"));
    }

    private static SupergraphComposer.Composition compose(Map<String, String> sdlByName) {
        return SupergraphComposer.compose(sdlByName.entrySet().stream()
                .map(e -> new SubgraphSdl(e.getKey(), "http://" + e.getKey() + "/graphql", e.getValue())).toList());
    }

    private static double estimate(SupergraphComposer.Composition c, String query) {
        Supergraph s = c.supergraph();
        Document doc = Parser.parse(query);
        return new OperationCostAnalyzer(s.apiSchema(), new CostModel(s, CostSettings.defaults()))
                .analyze(doc, doc.getDefinitionsOfType(OperationDefinition.class).get(0)).cost().evaluate(Map.of());
    }
}
