package org.epicontrol.gateway.testing;

import java.util.Map;

/**
 * Supergraph SDL for tests, in the form Apollo composition writes (join v0.3): the fixed prelude of link/join
 * definitions plus a body with the {@code join__Graph} enum and the joined types.
 */
public final class Supergraphs {
    private Supergraphs() {
    }

    public static final String PRELUDE = """
            schema
              @link(url: "https://specs.apollo.dev/link/v1.0")
              @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
              @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
            {
              query: Query
              %s
            }

            directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
            directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
            directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
            directive @join__graph(name: String!, url: String!) on ENUM_VALUE
            directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
            directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
            directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

            scalar join__FieldSet
            scalar link__Import
            enum link__Purpose { SECURITY EXECUTION }
            """;

    /**
     * An entity interface in inventory that reviews extends as an {@code @interfaceObject} (the Federation docs'
     * example): reviews knows {@code Media} as an object type, not Book or Movie; its {@code summary} requires the
     * title that only inventory resolves.
     */
    public static final String INTERFACE_OBJECT = """
            enum join__Graph {
              INVENTORY @join__graph(name: "inventory", url: "{inventory}")
              REVIEWS @join__graph(name: "reviews", url: "{reviews}")
            }

            type Query @join__type(graph: INVENTORY) @join__type(graph: REVIEWS) {
              media: [Media] @join__field(graph: INVENTORY)
              topRatedMedia: [Media!]! @join__field(graph: REVIEWS)
            }

            interface Media
              @join__type(graph: INVENTORY, key: "id")
              @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true)
            {
              id: ID!
              title: String! @join__field(graph: INVENTORY) @join__field(graph: REVIEWS, external: true)
              reviews: [Review!]! @join__field(graph: REVIEWS)
              summary: String @join__field(graph: REVIEWS, requires: "title")
            }

            type Book implements Media
              @join__implements(graph: INVENTORY, interface: "Media")
              @join__type(graph: INVENTORY, key: "id")
            {
              id: ID!
              title: String!
              author: String
              reviews: [Review!]! @join__field
              summary: String @join__field
            }

            type Movie implements Media
              @join__implements(graph: INVENTORY, interface: "Media")
              @join__type(graph: INVENTORY, key: "id")
            {
              id: ID!
              title: String!
              director: String
              reviews: [Review!]! @join__field
              summary: String @join__field
            }

            type Review @join__type(graph: REVIEWS) {
              score: Int!
            }
            """;

    /** Products, reviews, inventory and accounts: entity jumps both ways, @requires, @provides, @inaccessible. */
    public static final String SHOP = """
            enum join__Graph {
              ACCOUNTS @join__graph(name: "accounts", url: "{accounts}")
              INVENTORY @join__graph(name: "inventory", url: "{inventory}")
              PRODUCTS @join__graph(name: "products", url: "{products}")
              REVIEWS @join__graph(name: "reviews", url: "{reviews}")
            }

            type Query
              @join__type(graph: ACCOUNTS) @join__type(graph: INVENTORY)
              @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS)
            {
              me: User @join__field(graph: ACCOUNTS)
              user(id: ID!): User @join__field(graph: ACCOUNTS)
              topProducts(first: Int = 5): [Product] @join__field(graph: PRODUCTS)
              product(upc: String!): Product @join__field(graph: PRODUCTS)
            }

            type User
              @join__type(graph: ACCOUNTS, key: "id")
              @join__type(graph: REVIEWS, key: "id")
            {
              id: ID!
              name: String @join__field(graph: ACCOUNTS)
              username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
              reviews: [Review] @join__field(graph: REVIEWS)
            }

            type Product
              @join__type(graph: INVENTORY, key: "upc")
              @join__type(graph: PRODUCTS, key: "upc")
              @join__type(graph: REVIEWS, key: "upc")
            {
              upc: String!
              name: String @join__field(graph: PRODUCTS)
              price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
              weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
              internalCode: String @inaccessible @join__field(graph: PRODUCTS)
              inStock: Boolean @join__field(graph: INVENTORY)
              shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
              reviews: [Review] @join__field(graph: REVIEWS)
            }

            type Review @join__type(graph: REVIEWS, key: "id") {
              id: ID!
              body: String!
              author: User @join__field(graph: REVIEWS, provides: "username")
              product: Product
            }
            """;

    /** Interfaces, unions, a shareable value type and mutations across graphs A and B. */
    public static final String MEDIA = """
            enum join__Graph {
              A @join__graph(name: "a", url: "{a}")
              B @join__graph(name: "b", url: "{b}")
            }

            type Query @join__type(graph: A) @join__type(graph: B) {
              media: [Media] @join__field(graph: A)
              search(text: String): [SearchResult] @join__field(graph: A)
              shared: Info
              bOnly: Info @join__field(graph: B)
            }

            type Mutation @join__type(graph: A) @join__type(graph: B) {
              addBook(title: String!): Book @join__field(graph: A)
              rateBook(id: ID!, stars: Int!): Book @join__field(graph: B)
            }

            interface Media @join__type(graph: A) {
              id: ID!
              title: String
            }

            type Book implements Media
              @join__type(graph: A, key: "id") @join__type(graph: B, key: "id")
              @join__implements(graph: A, interface: "Media")
            {
              id: ID!
              title: String @join__field(graph: A)
              pages: Int @join__field(graph: B)
              stars: Int @join__field(graph: B)
            }

            type Movie implements Media
              @join__type(graph: A, key: "id")
              @join__implements(graph: A, interface: "Media")
            {
              id: ID!
              title: String
              duration: Int
            }

            union SearchResult
              @join__type(graph: A)
              @join__unionMember(graph: A, member: "Book")
              @join__unionMember(graph: A, member: "Movie")
              = Book | Movie

            type Info @join__type(graph: A) @join__type(graph: B) {
              common: String
              a: String @join__field(graph: A)
              b: String @join__field(graph: B)
            }
            """;

    public static String supergraph(String body) {
        return supergraph(body, Map.of());
    }

    /** The supergraph with {@code {name}} URL placeholders replaced. */
    public static String supergraph(String body, Map<String, String> urls) {
        String b = body;
        for (Map.Entry<String, String> e : urls.entrySet()) {
            b = b.replace("{" + e.getKey() + "}", e.getValue());
        }
        String mutation = b.contains("type Mutation") ? "mutation: Mutation" : "";
        return PRELUDE.formatted(mutation) + "\n" + b;
    }
}
