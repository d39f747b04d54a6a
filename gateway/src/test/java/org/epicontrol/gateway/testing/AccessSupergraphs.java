package org.epicontrol.gateway.testing;

import java.util.Map;

/**
 * Supergraphs with access directives in the form Apollo composition writes them: the {@code authenticated},
 * {@code requiresScopes} and {@code policy} specs linked {@code for: SECURITY}, the directives on fields and types.
 */
public final class AccessSupergraphs {
    private AccessSupergraphs() {
    }

    private static final String LINKS = """
              @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
              @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
              @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
            """;

    private static final String DEFINITIONS = """

            directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            scalar requiresScopes__Scope
            scalar policy__Policy
            """;

    /**
     * The shop: {@code me} for signed-in callers, {@code User.username} with scope {@code read:username},
     * {@code Product.price} with policy {@code product:price}, {@code Review} (the type) with scope
     * {@code read:reviews} or {@code admin}.
     */
    public static final String SHOP = Supergraphs.SHOP
            .replace("me: User @join__field(graph: ACCOUNTS)", "me: User @authenticated @join__field(graph: ACCOUNTS)")
            .replace("username: String @join__field(graph: ACCOUNTS)",
                    "username: String @requiresScopes(scopes: [[\"read:username\"]]) @join__field(graph: ACCOUNTS)")
            .replace("price: Int @join__field(graph: INVENTORY, external: true)",
                    "price: Int @policy(policies: [[\"product:price\"]]) @join__field(graph: INVENTORY, external: true)")
            .replace("type Review @join__type(graph: REVIEWS, key: \"id\")",
                    "type Review @requiresScopes(scopes: [[\"read:reviews\"], [\"admin\"]]) "
                            + "@join__type(graph: REVIEWS, key: \"id\")");

    /** Media: {@code Movie.duration} signed-in only, the {@code Book} type with policy {@code books}. */
    public static final String MEDIA = Supergraphs.MEDIA
            .replace("  duration: Int", "  duration: Int @authenticated")
            .replace("type Book implements Media", "type Book implements Media @policy(policies: [[\"books\"]])");

    public static String supergraph(String body) {
        return supergraph(body, Map.of());
    }

    public static String supergraph(String body, Map<String, String> urls) {
        String sdl = Supergraphs.supergraph(body, urls);
        return sdl.replace("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n",
                "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n" + LINKS)
                .replace("scalar join__FieldSet\n", "scalar join__FieldSet\n" + DEFINITIONS);
    }
}
