package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.AstPrinter;
import graphql.language.SelectionSet;
import java.util.List;
import org.epicontrol.gateway.compose.SupergraphComposer;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;
import org.epicontrol.gateway.testing.InterfaceObjectSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queries of {@link InterfaceObjectExecutionTest}, with the same answers and the same subgraph requests, on a
 * supergraph composed at run time from the two subgraphs' own SDLs: an entity interface in inventory, an
 * {@code @interfaceObject} in reviews.
 */
class ComposedInterfaceObjectExecutionTest extends InterfaceObjectExecutionTest {

    @BeforeAll
    static void compose() {
        snapshot = GatewaySnapshot.of(SupergraphComposer.compose(
                InterfaceObjectSubgraphs.sdl("http://inventory", "http://reviews")).supergraph(), 100);
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
