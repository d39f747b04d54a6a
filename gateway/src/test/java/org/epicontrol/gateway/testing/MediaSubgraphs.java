package org.epicontrol.gateway.testing;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/** The two subgraphs behind {@link Supergraphs#MEDIA}: interfaces, unions, shareable values, mutations. */
public final class MediaSubgraphs implements AutoCloseable {
    public final TestSubgraph a;
    public final TestSubgraph b;

    private static final List<Map<String, Object>> MEDIA = List.of(
            Map.of("__typename", "Book", "id", "b1", "title", "Dune"),
            Map.of("__typename", "Movie", "id", "m1", "title", "Alien", "duration", 117),
            Map.of("__typename", "Book", "id", "b2", "title", "Emma"));

    public MediaSubgraphs(Vertx vertx) {
        a = TestSubgraph.builder("a", """
                        type Query { media: [Media] search(text: String): [SearchResult] shared: Info }
                        type Mutation { addBook(title: String!): Book }
                        interface Media { id: ID! title: String }
                        type Book implements Media @key(fields: "id") { id: ID! title: String }
                        type Movie implements Media @key(fields: "id") { id: ID! title: String duration: Int }
                        union SearchResult = Book | Movie
                        type Info @shareable { common: String a: String }
                        """)
                .field("Query", "media", env -> MEDIA)
                .field("Query", "search", env -> MEDIA)
                .field("Query", "shared", env -> Map.of("common", "from a", "a", "only a"))
                .field("Mutation", "addBook", env -> Map.of("__typename", "Book", "id", "b9",
                        "title", env.getArgument("title")))
                .entity("Book", rep -> MEDIA.stream().filter(m -> m.get("id").equals(rep.get("id"))).findFirst()
                        .orElse(Map.of("id", rep.get("id"), "title", "New")))
                .entity("Movie", rep -> null)
                .start(vertx);
        b = TestSubgraph.builder("b", """
                        type Query { bOnly: Info }
                        type Mutation { rateBook(id: ID!, stars: Int!): Book }
                        type Book @key(fields: "id") { id: ID! pages: Int stars: Int }
                        type Info @shareable { common: String b: String }
                        """)
                .field("Query", "bOnly", env -> Map.of("common", "from b", "b", "only b"))
                .field("Mutation", "rateBook", env -> Map.of("id", (Object) env.getArgument("id"),
                        "stars", (Object) env.getArgument("stars"), "pages", 100))
                .entity("Book", rep -> Map.of("id", rep.get("id"), "pages", 100 + ((String) rep.get("id")).length(),
                        "stars", 4))
                .start(vertx);
    }

    public Map<String, String> urls() {
        return Map.of("a", a.url(), "b", b.url());
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
