package org.epicontrol.gateway.testing;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four subgraphs behind {@link Supergraphs#SHOP}, running over real HTTP. Products are {@code p1..pN}
 * (price 10·i, weight i), each with two reviews, one by each of the two users.
 */
public final class ShopSubgraphs implements AutoCloseable {
    public final TestSubgraph accounts;
    public final TestSubgraph products;
    public final TestSubgraph reviews;
    public final TestSubgraph inventory;

    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "1", Map.of("id", "1", "name", "Ada Lovelace", "username", "ada"),
            "2", Map.of("id", "2", "name", "Grace Hopper", "username", "grace"));

    public ShopSubgraphs(Vertx vertx) {
        accounts = TestSubgraph.builder("accounts", """
                        type Query { me: User  user(id: ID!): User }
                        type User @key(fields: "id") { id: ID! name: String username: String }
                        """)
                .field("Query", "me", env -> USERS.get("1"))
                .field("Query", "user", env -> USERS.get((String) env.getArgument("id")))
                .entity("User", rep -> USERS.get((String) rep.get("id")))
                .start(vertx);
        products = TestSubgraph.builder("products", """
                        type Query { topProducts(first: Int = 5): [Product] product(upc: String!): Product }
                        type Product @key(fields: "upc") {
                          upc: String! name: String price: Int weight: Int internalCode: String
                        }
                        """)
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
        reviews = TestSubgraph.builder("reviews", """
                        type Query
                        type Review @key(fields: "id") {
                          id: ID! body: String! author: User @provides(fields: "username") product: Product
                        }
                        type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
                        type Product @key(fields: "upc") { upc: String! reviews: [Review] }
                        """)
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
        inventory = TestSubgraph.builder("inventory", """
                        type Query
                        type Product @key(fields: "upc") {
                          upc: String! weight: Int @external price: Int @external
                          inStock: Boolean shippingEstimate: Int @requires(fields: "price weight")
                        }
                        """)
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
