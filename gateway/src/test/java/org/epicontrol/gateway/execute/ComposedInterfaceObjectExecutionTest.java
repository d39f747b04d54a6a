package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.AstPrinter;
import graphql.language.SelectionSet;
import java.util.List;
import org.epicontrol.gateway.compose.SubgraphSdl;
import org.epicontrol.gateway.compose.SupergraphComposer;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries of {@link InterfaceObjectExecutionTest}, with the same answers and the same subgraph requests, on a
 * supergraph composed at run time from the two subgraphs' own SDLs: an entity interface in inventory, an
 * {@code @interfaceObject} in reviews.
 */
class ComposedInterfaceObjectExecutionTest extends InterfaceObjectExecutionTest {

    static final List<SubgraphSdl> SUBGRAPHS = List.of(
            new SubgraphSdl("inventory", "http://inventory", """
                    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
                    type Query { media: [Media] }
                    interface Media @key(fields: "id") { id: ID! title: String! }
                    type Book implements Media @key(fields: "id") { id: ID! title: String! author: String }
                    type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String }
                    """),
            new SubgraphSdl("reviews", "http://reviews", """
                    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
                      import: ["@key", "@interfaceObject", "@external", "@requires"])
                    type Query { topRatedMedia: [Media!]! }
                    type Media @key(fields: "id") @interfaceObject {
                      id: ID!
                      title: String! @external
                      reviews: [Review!]!
                      summary: String @requires(fields: "title")
                    }
                    type Review { score: Int! }
                    """));

    @BeforeAll
    static void compose() {
        snapshot = GatewaySnapshot.of(SupergraphComposer.compose(SUBGRAPHS).supergraph(), 100);
    }

    @Test
    void theComposedSupergraphSaysWhatTheHandWrittenOneSays() {
        Supergraph composed = snapshot.supergraph();
        Supergraph written = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.INTERFACE_OBJECT));
        for (String type : List.of("Query", "Media", "Book", "Movie", "Review")) {
            assertEquals(describe(written.type(type)), describe(composed.type(type)), type);
            for (String field : written.type(type).fields().keySet()) {
                assertEquals(describe(written.type(type).field(field)), describe(composed.type(type).field(field)),
                        type + "." + field);
                assertEquals(written.type(type).field(field).viaInterfaceObject(),
                        composed.type(type).field(field).viaInterfaceObject(), type + "." + field);
            }
        }
    }

    private static List<String> describe(TypeMeta type) {
        return type.graphs().values().stream().map(g -> g.graph() + " keys " + g.keys().stream()
                .map(k -> k.fields() + (k.resolvable() ? "" : " unresolvable")).toList() + (g.extension()
                ? " extension" : "") + (g.interfaceObject() ? " interfaceObject" : "")).toList();
    }

    private static List<String> describe(TypeMeta.FieldMeta field) {
        return field.graphs().values().stream().map(g -> g.graph() + " requires " + print(g.requires())
                + " provides " + print(g.provides()) + (g.external() ? " external" : "")
                + (g.override() == null ? "" : " override " + g.override())
                + (g.type() == null ? "" : " type " + AstPrinter.printAst(g.type()))).toList();
    }

    private static String print(SelectionSet set) {
        return set == null ? "-" : AstPrinter.printAstCompact(set);
    }
}
