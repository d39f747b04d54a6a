package org.epicontrol.gateway.testing;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four subgraphs behind {@link Supergraphs#SHOP}, running over real HTTP. Products are {@code p1..pN}
 * (price 10·i, weight i), each with two reviews, one by each of the two users. Each also answers
 * {@code _service { sdl }} with its SDL as a Federation 2 subgraph, so the gateway can compose them itself.
 */
public final class ShopSubgraphs implements AutoCloseable {
    /** What a Federation 2 subgraph's SDL starts with. */
    private static final String FEDERATION_2_LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@inaccessible\"])\n";

    private static final String ACCOUNTS_SDL = """
            type Query { me: User  user(id: ID!): User }
            type User @key(fields: "id") { id: ID! name: String username: String @shareable }
            """;

    private static final String PRODUCTS_SDL = """
            type Query { topProducts(first: Int = 5): [Product] product(upc: String!): Product }
            type Product @key(fields: "upc") {
              upc: String! name: String price: Int weight: Int internalCode: String @inaccessible
            }
            """;

    private static final String REVIEWS_SDL = """
            type Query
            type Review @key(fields: "id") {
              id: ID! body: String! author: User @provides(fields: "username") product: Product
            }
            type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
            type Product @key(fields: "upc") { upc: String! reviews: [Review] }
            """;

    private static final String INVENTORY_SDL = """
            type Query
            type Product @key(fields: "upc") {
              upc: String! weight: Int @external price: Int @external
              inStock: Boolean shippingEstimate: Int @requires(fields: "price weight")
            }
            """;

    /** Each subgraph's {@code _service { sdl }} by name. */
    public static final Map<String, String> FEDERATION_2_SDL = Map.of(
            "accounts", FEDERATION_2_LINK + ACCOUNTS_SDL, "products", FEDERATION_2_LINK + PRODUCTS_SDL,
            "reviews", FEDERATION_2_LINK + REVIEWS_SDL, "inventory", FEDERATION_2_LINK + INVENTORY_SDL);

    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "1", Map.of("id", "1", "name", "Ada Lovelace", "username", "ada"),
            "2", Map.of("id", "2", "name", "Grace Hopper", "username", "grace"));

    public final TestSubgraph accounts;
    public final TestSubgraph products;
    public final TestSubgraph reviews;
    public final TestSubgraph inventory;

    public ShopSubgraphs(Vertx vertx) {
        accounts = TestSubgraph.builder("accounts", ACCOUNTS_SDL)
                .serviceSdl(FEDERATION_2_SDL.get("accounts"))
                .field("Query", "me", env -> USERS.get("1"))
                .field("Query", "user", env -> USERS.get((String) env.getArgument("id")))
                .entity("User", rep -> USERS.get((String) rep.get("id")))
                .start(vertx);
        products = TestSubgraph.builder("products", PRODUCTS_SDL)
                .serviceSdl(FEDERATION_2_SDL.get("products"))
                .field("Query", "topProducts", env -> {
                    List<Object> out = new ArrayList<>();
                    int first = env.getArgument("first");
                    for (int i = 1; i <= first; i++) {
                        out.add(product(i));
                    }
                    return out;
                })
                .field("Query", "product", env -> product(number(env.getArgument("upc"))))
                .entity("Product", rep -> product(number((String) rep.get("upc"))))
                .start(vertx);
        reviews = TestSubgraph.builder("reviews", REVIEWS_SDL)
                .serviceSdl(FEDERATION_2_SDL.get("reviews"))
                .entity("Product", rep -> Map.of("upc", rep.get("upc"),
                        "reviews", reviewsOf(number((String) rep.get("upc")))))
                .entity("User", rep -> {
                    List<Object> mine = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        for (Map<String, Object> r : reviewsOf(i)) {
                            if (((Map<?, ?>) r.get("author")).get("id").equals(rep.get("id"))) {
                                mine.add(r);
                            }
                        }
                    }
                    return Map.of("id", rep.get("id"), "reviews", mine);
                })
                .entity("Review", rep -> null)
                .start(vertx);
        inventory = TestSubgraph.builder("inventory", INVENTORY_SDL)
                .serviceSdl(FEDERATION_2_SDL.get("inventory"))
                .entity("Product", rep -> {
                    Map<String, Object> p = new LinkedHashMap<>(rep);
                    p.put("inStock", number((String) rep.get("upc")) % 2 == 0);
                    return p;
                })
                .field("Product", "shippingEstimate", env -> {
                    Map<String, Object> p = env.getSource();
                    if ("p13".equals(p.get("upc"))) {
                        throw new IllegalStateException("no estimate for p13");
                    }
                    int price = (Integer) p.get("price");
                    int weight = (Integer) p.get("weight");
                    return price > 30 ? 0 : weight * 2; // free shipping above 30
                })
                .start(vertx);
    }

    public Map<String, String> urls() {
        return Map.of("accounts", accounts.url(), "products", products.url(), "reviews", reviews.url(),
                "inventory", inventory.url());
    }

    public void reset() {
        accounts.reset();
        products.reset();
        reviews.reset();
        inventory.reset();
    }

    static Map<String, Object> product(int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("upc", "p" + i);
        p.put("name", "Product " + i);
        p.put("price", 10 * i);
        p.put("weight", i);
        p.put("internalCode", "secret-" + i);
        return p;
    }

    static List<Map<String, Object>> reviewsOf(int i) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of("id", "r" + i + "a", "body", "Great " + i,
                "author", Map.of("id", "1", "username", "ada"), "product", Map.of("upc", "p" + i)));
        out.add(Map.of("id", "r" + i + "b", "body", "Fine " + i,
                "author", Map.of("id", "2", "username", "grace"), "product", Map.of("upc", "p" + i)));
        return out;
    }

    static int number(String upc) {
        return Integer.parseInt(upc.substring(1));
    }

    @Override
    public void close() {
        accounts.close();
        products.close();
        reviews.close();
        inventory.close();
    }
}
