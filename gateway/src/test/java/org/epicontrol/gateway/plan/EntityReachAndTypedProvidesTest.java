package org.epicontrol.gateway.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.Test;

/**
 * Plans where what a subgraph may return depends on the object's type ({@code @provides} under a type condition)
 * or on how an entity was reached (a key the current subgraph cannot give).
 */
class EntityReachAndTypedProvidesTest {
    @Test
    void providesUnderATypeConditionCoversOnlyThatTypesFields() {
        Supergraph media = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                  C @join__graph(name: "c", url: "http://c")
                }
                type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
                  media: [Media] @join__field(graph: A) @join__field(graph: B, provides: "... on Book { title }")
                }
                union Media @join__type(graph: A) @join__type(graph: B)
                  @join__unionMember(graph: A, member: "Book") @join__unionMember(graph: B, member: "Book")
                  @join__unionMember(graph: A, member: "Movie") @join__unionMember(graph: B, member: "Movie")
                  = Book | Movie
                type Book @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
                  @join__type(graph: C, key: "id")
                {
                  id: ID!
                  title: String @join__field(graph: B, external: true) @join__field(graph: C)
                }
                type Movie @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
                  @join__type(graph: C, key: "id")
                {
                  id: ID!
                  title: String @join__field(graph: C)
                }
                """));
        QueryPlan plan = plan(media, "{ media { ... on Book { title } ... on Movie { title } } }");
        // b answers the books' titles it provides; the movies' titles come from c.
        assertEquals("Sequence[Fetch(b), Flatten(media.@, Fetch(c))]", QueryPlanRenderer.shape(plan.root()));
        List<PlanNode.Fetch> f = fetches(plan.root(), new ArrayList<>());
        assertTrue(f.get(0).operation().contains("...on Book{title}"), f.get(0).operation());
        assertFalse(f.get(0).operation().contains("...on Movie{title}"), f.get(0).operation());
        assertTrue(f.get(1).operation().contains("...on Movie{title}"), f.get(1).operation());
    }

    @Test
    void entityWhoseKeyTheCurrentSubgraphCannotGiveIsReachedThroughTheEnclosingEntity() {
        // Category is a value type in a and b, an entity of c whose key only b (and c) return.
        Supergraph shop = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                  C @join__graph(name: "c", url: "http://c")
                  D @join__graph(name: "d", url: "http://d")
                }
                type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) @join__type(graph: D) {
                  product(id: ID!): Product @join__field(graph: D)
                }
                type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
                  @join__type(graph: D, key: "id")
                {
                  id: ID @join__field(graph: A, external: true) @join__field(graph: B, external: true)
                    @join__field(graph: D)
                  category: Category @join__field(graph: A) @join__field(graph: B)
                  name: String @join__field(graph: D)
                }
                type Category @join__type(graph: A) @join__type(graph: B) @join__type(graph: C, key: "id") {
                  details: String @join__field(graph: A)
                  id: ID @join__field(graph: B) @join__field(graph: C)
                  name: String @join__field(graph: C)
                }
                """));
        QueryPlan plan = plan(shop, "{ product(id: \"1\") { name category { details name } } }");
        // c's representation takes Category.id from b, entered at the enclosing Product (not a planning error).
        assertEquals("Sequence[Fetch(d), Parallel[Flatten(product, Fetch(a)), Flatten(product, Fetch(b))], "
                + "Flatten(product.category, Fetch(c))]", QueryPlanRenderer.shape(plan.root()));
    }

    private static QueryPlan plan(Supergraph supergraph, String query) {
        Document doc = Parser.parse(query);
        var errors = ParseAndValidate.validate(supergraph.apiSchema(), doc);
        assertTrue(errors.isEmpty(), errors.toString());
        return new QueryPlanner(supergraph).plan(doc, null);
    }

    private static List<PlanNode.Fetch> fetches(PlanNode node, List<PlanNode.Fetch> out) {
        if (node instanceof PlanNode.Fetch f) {
            out.add(f);
        } else if (node instanceof PlanNode.Flatten fl) {
            fetches(fl.node(), out);
        } else if (node instanceof PlanNode.Sequence s) {
            s.nodes().forEach(n -> fetches(n, out));
        } else if (node instanceof PlanNode.Parallel p) {
            p.nodes().forEach(n -> fetches(n, out));
        }
        return out;
    }
}
