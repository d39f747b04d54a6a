package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.epicontrol.gateway.plan.QueryPlanRenderer;
import org.epicontrol.gateway.plan.QueryPlanner;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.Test;

/** Composition rules of Federation 2 for the common cases, from the specification; errors included. */
class SupergraphComposerTest {

    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\", "
            + "\"@inaccessible\", \"@tag\"])\n";

    // The shop of Supergraphs.SHOP as its four Federation 2 subgraphs describe themselves.
    private static final List<SubgraphSdl> SHOP = ShopSubgraphs.FEDERATION_2_SDL.entrySet().stream()
            .map(e -> new SubgraphSdl(e.getKey(), "{" + e.getKey() + "}", e.getValue())).toList();

    @Test
    void entityFieldsOfSeveralSubgraphsGetJoinTypeAndJoinFieldPerSubgraph() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(SHOP);
        String sdl = c.supergraphSdl();
        assertTrue(sdl.contains("@link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)"), sdl);
        assertTrue(sdl.contains("ACCOUNTS @join__graph(name: \"accounts\", url: \"{accounts}\")"), sdl);
        assertTrue(sdl.contains("type Product\n  @join__type(graph: INVENTORY, key: \"upc\")\n"
                + "  @join__type(graph: PRODUCTS, key: \"upc\")\n  @join__type(graph: REVIEWS, key: \"upc\")"), sdl);
        assertTrue(sdl.contains("shippingEstimate: Int @join__field(graph: INVENTORY, requires: \"price weight\")"),
                sdl);
        assertTrue(sdl.contains("author: User @join__field(graph: REVIEWS, provides: \"username\")"), sdl);
        assertTrue(sdl.contains("price: Int @join__field(graph: INVENTORY, external: true) "
                + "@join__field(graph: PRODUCTS)"), sdl);
        assertTrue(sdl.contains("upc: String!\n"), "key fields everywhere need no join__field: " + sdl);

        Supergraph s = c.supergraph();
        assertEquals(List.of("PRODUCTS"), s.resolvingGraphs("Product", "name"));
        assertEquals(List.of("INVENTORY", "PRODUCTS", "REVIEWS"), s.resolvingGraphs("Product", "upc"));
        assertEquals("price weight", AstPrinter.printAstCompact(s.requires("Product", "shippingEstimate",
                "INVENTORY")).replaceAll("[{}]", "").strip());
        assertEquals(1, s.resolvableKeys("User", "REVIEWS").size());
    }

    @Test
    void composedShopPlansExactlyLikeTheHandWrittenSupergraph() {
        Supergraph composed = SupergraphComposer.compose(SHOP).supergraph();
        Supergraph written = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP));
        for (String type : List.of("Query", "User", "Product", "Review")) {
            TypeMeta meta = written.type(type);
            assertEquals(keys(written, type), keys(composed, type), type + " keys");
            for (String field : meta.fields().keySet()) {
                assertEquals(written.resolvingGraphs(type, field), composed.resolvingGraphs(type, field),
                        type + "." + field);
            }
        }
        for (String q : List.of("{ me { name reviews { body product { name shippingEstimate } author { username } } } }",
                "{ topProducts(first: 2) { name inStock reviews { author { name } } } }",
                "{ product(upc: \"p1\") { shippingEstimate weight } }")) {
            Document doc = Parser.parse(q);
            assertEquals(QueryPlanRenderer.toMap(new QueryPlanner(written).plan(doc, null)),
                    QueryPlanRenderer.toMap(new QueryPlanner(composed).plan(doc, null)), q);
        }
        assertNull(composed.apiSchema().getObjectType("Product").getFieldDefinition("internalCode"),
                "@inaccessible stays out of the API");
    }

    @Test
    void valueTypeResolvedByTwoSubgraphsMustBeShareableInBoth() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("notices", "type Query { a: PageInfo }\ntype PageInfo { endCursor: String hasNextPage: Boolean! }"),
                sub("volunteers", "type Query { b: PageInfo }\n"
                        + "type PageInfo { endCursor: String @shareable hasNextPage: Boolean! }"))));
        assertEquals(2, e.errors().size(), e.getMessage());
        assertEquals("INVALID_FIELD_SHARING", e.errors().get(0).code());
        assertEquals("Non-shareable field \"PageInfo.endCursor\" is resolved from multiple subgraphs: it is "
                + "resolved from subgraphs \"notices\" and \"volunteers\" and defined as non-shareable in subgraph "
                + "\"notices\" (mark it @shareable in each subgraph that resolves it, or @override it in one)",
                e.errors().get(0).message());
        assertTrue(e.errors().get(1).message().startsWith("Non-shareable field \"PageInfo.hasNextPage\" is resolved "
                + "from multiple subgraphs: it is resolved from subgraphs \"notices\" and \"volunteers\" and "
                + "defined as non-shareable in all of them"), e.getMessage());
    }

    @Test
    void shareableValueTypeMergesItsFieldsWithoutJoinFields() {
        String sdl = SupergraphComposer.compose(List.of(
                sub("a", "type Query { a: PageInfo }\ntype PageInfo @shareable { endCursor: String hasNextPage: Boolean! }"),
                sub("b", "type Query { b: PageInfo }\n"
                        + "type PageInfo { endCursor: String @shareable hasNextPage: Boolean! @shareable total: Int }")))
                .supergraphSdl();
        assertTrue(sdl.contains("type PageInfo\n  @join__type(graph: A)\n  @join__type(graph: B)\n{\n"
                + "  endCursor: String\n  hasNextPage: Boolean!\n  total: Int @join__field(graph: B)\n}"), sdl);
    }

    @Test
    void conflictingFieldTypesNameBothSubgraphs() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { a: T }\ntype T @key(fields: \"id\") { id: ID! size: String @shareable }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! size: Int @shareable }"))));
        assertEquals("FIELD_TYPE_MISMATCH", e.errors().get(0).code());
        assertEquals("Type of field \"T.size\" is incompatible across subgraphs: it has type \"String\" in subgraph "
                + "\"a\" but type \"Int\" in subgraph \"b\"", e.errors().get(0).message());
    }

    @Test
    void nullabilityDifferencesMergeToTheNullableTypeWithATypeHint() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(
                sub("a", "type Query { a: T }\ntype T @key(fields: \"id\") { id: ID! size: Int! @shareable }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! size: Int @shareable }")));
        assertTrue(c.supergraphSdl().contains("size: Int @join__field(graph: A, type: \"Int!\") "
                + "@join__field(graph: B)"), c.supergraphSdl());
    }

    @Test
    void interfaceFieldTypeMergesAnImplementationToTheInterface() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(
                sub("a", "type Query { top: Media @shareable }\ninterface Media { id: ID! }\n"
                        + "type Book implements Media @key(fields: \"id\") { id: ID! }"),
                sub("b", "type Query { top: Book @shareable }\n"
                        + "type Book @key(fields: \"id\") { id: ID! pages: Int }")));
        assertTrue(c.supergraphSdl().contains("top: Media @join__field(graph: A) "
                + "@join__field(graph: B, type: \"Book\")"), c.supergraphSdl());
    }

    @Test
    void keyOnAMissingFieldIsReportedWithSubgraphTypeAndField() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("accounts", "type Query { me: User }\ntype User @key(fields: \"idx\") { id: ID! name: String }"))));
        assertEquals("KEY_INVALID_FIELDS", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().startsWith("[accounts] On type \"User\", for @key(fields: \"idx\"): "
                + "Cannot query field \"idx\" on type \"User\""), e.getMessage());
    }

    @Test
    void keyMayNotSelectFieldsWithArgumentsOrSkipSubselections() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query { t: T }
                        type T @key(fields: "id(x: 1)") @key(fields: "owner") { id(x: Int): ID! owner: O }
                        type O { id: ID! }
                        """))));
        String all = e.getMessage();
        assertTrue(all.contains("field \"T.id\" has arguments"), all);
        assertTrue(all.contains("field \"T.owner\" is of composite type \"O\" and needs a selection"), all);
    }

    @Test
    void requiresMustSelectExternalFields() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("products", "type Query { p: Product }\ntype Product @key(fields: \"upc\") { upc: String! "
                        + "price: Int @shareable }"),
                sub("inventory", "type Product @key(fields: \"upc\") { upc: String! price: Int @shareable "
                        + "estimate: Int @requires(fields: \"price\") }"))));
        assertEquals("REQUIRES_FIELDS_MISSING_EXTERNAL", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().startsWith("[inventory] On field \"Product.estimate\", for "
                + "@requires(fields: \"price\"): field \"Product.price\" should not be part of a @requires"),
                e.getMessage());
    }

    @Test
    void requiresOnAnUnknownFieldIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("products", "type Query { p: Product }\ntype Product @key(fields: \"upc\") { upc: String! }"),
                sub("inventory", "type Product @key(fields: \"upc\") { upc: String! "
                        + "estimate: Int @requires(fields: \"weight\") }"))));
        assertEquals("REQUIRES_INVALID_FIELDS", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains("Cannot query field \"weight\" on type \"Product\""),
                e.getMessage());
    }

    @Test
    void externalFieldThatNothingUsesIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! name: String }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! name: String @external extra: Int }"))));
        assertEquals("EXTERNAL_UNUSED", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().startsWith("[b] Field \"T.name\" is marked @external"), e.getMessage());
    }

    @Test
    void providesOnALeafFieldIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { n: String @provides(fields: \"x\") }"))));
        assertEquals("PROVIDES_ON_NON_OBJECT_FIELD", e.errors().get(0).code());
    }

    @Test
    void overrideMovesTheFieldAndTheOldSubgraphNoLongerResolvesIt() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(
                sub("old", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! total: Int }"),
                sub("new", "type T @key(fields: \"id\") { id: ID! total: Int @override(from: \"old\") }")));
        assertTrue(c.supergraphSdl().contains("total: Int @join__field(graph: NEW, override: \"old\")\n"),
                c.supergraphSdl());
        assertEquals(List.of("NEW"), c.supergraph().resolvingGraphs("T", "total"));
    }

    @Test
    void overrideFromItselfIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { t: Int @override(from: \"a\") }"))));
        assertEquals("OVERRIDE_FROM_SELF_ERROR", e.errors().get(0).code());
    }

    @Test
    void interfacesAndUnionsRecordImplementationsAndMembersPerSubgraph() {
        Supergraph s = SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query { media: [Media] search: [Result] }
                        interface Media { id: ID! title: String }
                        type Book implements Media @key(fields: "id") { id: ID! title: String }
                        type Movie implements Media @key(fields: "id") { id: ID! title: String }
                        union Result = Book | Movie
                        """),
                sub("b", """
                        type Query { shelf: [Result] @shareable }
                        type Book @key(fields: "id") { id: ID! pages: Int }
                        type Magazine @key(fields: "id") { id: ID! issue: Int }
                        union Result = Book | Magazine
                        """))).supergraph();
        assertEquals(Set.of("Book", "Movie"), s.possibleTypesIn("Media", "A"));
        assertEquals(Set.of("Book", "Movie"), s.possibleTypesIn("Result", "A"));
        assertEquals(Set.of("Book", "Magazine"), s.possibleTypesIn("Result", "B"));
        assertEquals(Set.of("Book", "Movie", "Magazine"), s.allPossibleTypes("Result"));
        assertTrue(s.typeInGraph("Book", "B"));
        assertFalse(s.typeInGraph("Media", "B"));
    }

    @Test
    void outputEnumsTakeEveryValueAndInputEnumsOnlyTheCommonOnes() {
        GraphQLSchema api = SupergraphComposer.compose(List.of(
                sub("a", "type Query { a(f: Filter): Color }\nenum Color { RED GREEN }\nenum Filter { ALL MINE }"),
                sub("b", "type Query { b(f: Filter): Color }\nenum Color { RED BLUE }\nenum Filter { ALL TEAM }")))
                .supergraph().apiSchema();
        assertEquals(List.of("RED", "GREEN", "BLUE"), ((GraphQLEnumType) api.getType("Color")).getValues()
                .stream().map(v -> v.getName()).toList());
        assertEquals(List.of("ALL"), ((GraphQLEnumType) api.getType("Filter")).getValues().stream()
                .map(v -> v.getName()).toList());
    }

    @Test
    void enumUsedAsInputAndOutputMustHaveTheSameValuesEverywhere() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { a(k: Kind): Kind }\nenum Kind { X Y }"),
                sub("b", "type Query { b: Kind }\nenum Kind { X }"))));
        assertEquals("ENUM_VALUE_MISMATCH", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains("value \"Y\" is not defined in all the subgraphs defining "
                + "\"Kind\": \"Y\" is defined in subgraph \"a\" but not in subgraph \"b\""), e.getMessage());
    }

    @Test
    void inputTypesKeepTheCommonFieldsWithTheStrictestType() {
        GraphQLSchema api = SupergraphComposer.compose(List.of(
                sub("a", "type Query { a(in: Page): Int }\ninput Page { first: Int after: String }"),
                sub("b", "type Query { b(in: Page): Int }\ninput Page { first: Int! debug: Boolean }")))
                .supergraph().apiSchema();
        GraphQLInputObjectType page = (GraphQLInputObjectType) api.getType("Page");
        assertEquals(List.of("first"), page.getFieldDefinitions().stream().map(f -> f.getName()).toList());
        assertEquals("Int!", GraphQLTypeUtil.simplePrint(page.getField("first").getType()));
    }

    @Test
    void requiredInputFieldMissingInAnotherSubgraphIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { a(in: Page): Int }\ninput Page { first: Int! }"),
                sub("b", "type Query { b(in: Page): Int }\ninput Page { last: Int }"))));
        assertEquals(List.of("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "EMPTY_MERGED_INPUT_TYPE"),
                e.errors().stream().map(CompositionError::code).toList());
        assertTrue(e.errors().get(0).message().contains("Input field \"Page.first\" is required in some subgraphs "
                + "but does not appear in all subgraphs: it is required in subgraph \"a\" but does not appear in "
                + "subgraph \"b\""), e.getMessage());
    }

    @Test
    void sharedFieldsKeepOnlyArgumentsEverySubgraphAccepts() {
        GraphQLObjectType t = SupergraphComposer.compose(List.of(
                sub("a", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! "
                        + "list(first: Int, lang: String): [Int] @shareable }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! list(first: Int): [Int] @shareable }")))
                .supergraph().apiSchema().getObjectType("T");
        assertEquals(List.of("first"), t.getFieldDefinition("list").getArguments().stream()
                .map(a -> a.getName()).toList());
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! "
                        + "list(lang: String!): [Int] @shareable }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! list: [Int] @shareable }"))));
        assertEquals("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().startsWith("Argument \"T.list(lang:)\" is required"), e.getMessage());
    }

    @Test
    void typeDefinedAsDifferentKindsIsReported() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { a: Thing }\ntype Thing { x: Int }"),
                sub("b", "type Query { b: Thing }\ninterface Thing { x: Int }"))));
        assertEquals("Type \"Thing\" has mismatched kind: it is defined as object type in subgraph \"a\" but "
                + "interface type in subgraph \"b\"", e.errors().get(0).message());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { a: T shared: Int }\ntype T @key(fields: \"nope\") { id: ID! @shareable x: Int }"),
                sub("b", "type Query { shared: Int }\ntype T @key(fields: \"id\") { id: ID! x: Int @external }"))));
        assertEquals(Set.of("KEY_INVALID_FIELDS", "EXTERNAL_UNUSED", "INVALID_FIELD_SHARING"),
                new TreeSet<>(e.errors().stream().map(CompositionError::code).toList()));
        assertTrue(e.getMessage().startsWith("composition failed with 3 errors:\n  - "), e.getMessage());
    }

    @Test
    void subgraphsThatAreNotFederation2OrNotGraphQLAreNamed() {
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                new SubgraphSdl("old", "http://old", "type Query { a: Int }"),
                new SubgraphSdl("broken", "http://broken", LINK + "type Query { a: }"))));
        assertEquals(List.of("INVALID_GRAPHQL", "UNSUPPORTED_FEDERATION_VERSION"),
                e.errors().stream().map(CompositionError::code).toList());
        assertTrue(e.errors().get(0).message().startsWith("[broken] "), e.getMessage());
        assertTrue(e.errors().get(1).message().startsWith("[old] "), e.getMessage());
    }

    @Test
    void smallRyePrintedSubgraphLosesItsFederationMachinery() {
        Supergraph s = SupergraphComposer.compose(List.of(new SubgraphSdl("notices", "http://n/graphql", """
                schema @link(import : ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"], url : "https://specs.apollo.dev/federation/v2.3"){
                  query: Query
                  mutation: Mutation
                }

                "Indicates to composition that the target element is accessible only to the authenticated supergraph users."
                directive @authenticated on SCALAR | OBJECT | FIELD_DEFINITION | INTERFACE | ENUM
                directive @constraint(max: BigInteger, min: BigInteger) repeatable on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
                directive @external on OBJECT | FIELD_DEFINITION
                directive @federation__override(from: String!, label: String) on FIELD_DEFINITION
                directive @inaccessible on SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
                directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                directive @link(as: String, for: link__Purpose, import: [link__Import], url: String!) repeatable on SCHEMA
                directive @policy(policies: [[Policy!]!]!) on SCALAR | OBJECT | FIELD_DEFINITION | INTERFACE | ENUM
                directive @requiresScopes(scopes: [[Scope!]!]!) on SCALAR | OBJECT | FIELD_DEFINITION | INTERFACE | ENUM
                directive @shareable repeatable on OBJECT | FIELD_DEFINITION

                union _Entity = Area

                "A place"
                type Area @key(fields : "id") {
                  fullName: String!
                  id: ID!
                }

                "Mutation root"
                type Mutation {
                  rename(id: ID!, name: String!): Area
                }

                "Query root"
                type Query {
                  _entities(representations: [_Any!]!): [_Entity]!
                  _service: _Service!
                  area(id: ID!): Area
                }

                type _Service {
                  sdl: String!
                }

                enum link__Purpose {
                  EXECUTION
                  SECURITY
                }

                scalar BigInteger
                scalar Policy
                scalar Scope
                scalar _Any
                scalar federation__FieldSet
                scalar link__Import
                """))).supergraph();
        GraphQLSchema api = s.apiSchema();
        assertNull(api.getQueryType().getFieldDefinition("_service"));
        assertNull(api.getQueryType().getFieldDefinition("_entities"));
        for (String internal : List.of("_Service", "_Entity", "_Any", "federation__FieldSet", "link__Import",
                "link__Purpose", "Policy", "Scope", "BigInteger", "join__Graph")) {
            assertNull(api.getType(internal), internal);
        }
        for (String directive : List.of("key", "shareable", "external", "link", "policy", "authenticated",
                "constraint", "federation__override")) {
            assertNull(api.getDirective(directive), directive);
        }
        assertNotNull(api.getMutationType().getFieldDefinition("rename"));
        assertEquals("A place", api.getObjectType("Area").getDescription());
        assertEquals(1, s.resolvableKeys("Area", "NOTICES").size());
    }

    @Test
    void renamedRootTypesComposeUnderTheStandardNames() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(
                sub("a", "schema { query: RootQuery }\ntype RootQuery { me: RootQuery a: Int }"),
                sub("b", "type Query { b: Int }")));
        GraphQLSchema api = c.supergraph().apiSchema();
        assertEquals(List.of("me", "a", "b"), api.getQueryType().getFieldDefinitions().stream()
                .map(f -> f.getName()).toList());
        assertEquals("Query", GraphQLTypeUtil.simplePrint(api.getQueryType().getFieldDefinition("me")
                .getType()));
    }

    @Test
    void descriptionsDeprecationsAndTagsAreKept() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query {
                          "Old way\\nwith a \\"quoted\\" second line"
                          old: Int @deprecated(reason: "use new") @tag(name: "legacy")
                          new: Int
                        }
                        """)));
        var old = c.supergraph().apiSchema().getQueryType().getFieldDefinition("old");
        assertEquals("Old way\nwith a \"quoted\" second line", old.getDescription());
        assertEquals("use new", old.getDeprecationReason());
        assertTrue(c.supergraphSdl().contains("@link(url: \"https://specs.apollo.dev/tag/v0.3\")"),
                c.supergraphSdl());
        assertNull(c.supergraph().apiSchema().getDirective("tag"));
    }

    private static SubgraphSdl sub(String name, String sdl) {
        return new SubgraphSdl(name, "{" + name + "}", LINK + sdl);
    }

    private static List<String> keys(Supergraph s, String type) {
        List<String> out = new ArrayList<>();
        for (String g : List.of("ACCOUNTS", "INVENTORY", "PRODUCTS", "REVIEWS")) {
            s.resolvableKeys(type, g).forEach(k -> out.add(g + ":" + k.fields()));
        }
        return out;
    }
}
