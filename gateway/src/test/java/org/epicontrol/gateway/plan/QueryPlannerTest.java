package org.epicontrol.gateway.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** Plan shapes for the Federation v2 features, on small supergraphs written from the specification. */
class QueryPlannerTest {
    private static final Supergraph SHOP = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP));
    private static final Supergraph MEDIA = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.MEDIA));
    private static final Supergraph CATALOG = SupergraphParser.parse(Supergraphs.supergraph(
            Supergraphs.INTERFACE_OBJECT));

    @Test
    void rootFieldsOfOneSubgraphShareOneFetch() {
        QueryPlan plan = plan(SHOP, "{ topProducts { name } product(upc: \"1\") { price } }");
        assertEquals("Fetch(products)", shape(plan));
        assertEquals("{topProducts{name}product(upc:\"1\"){price}}", fetches(plan).get(0).operation());
    }

    @Test
    void rootFieldsOfDifferentSubgraphsRunInParallel() {
        QueryPlan plan = plan(SHOP, "{ me { name } topProducts { name } }");
        assertEquals("Parallel[Fetch(accounts), Fetch(products)]", shape(plan));
    }

    @Test
    void entityJumpAddsKeyAndTypenameToTheParentFetch() {
        QueryPlan plan = plan(SHOP, "{ topProducts { name reviews { body } } }");
        assertEquals("Sequence[Fetch(products), Flatten(topProducts.@, Fetch(reviews))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{topProducts{name __typename upc}}", f.get(0).operation());
        assertEquals("query ($representations:[_Any!]!){_entities(representations:$representations)"
                + "{...on Product{reviews{body}}}}", f.get(1).operation());
        assertEquals("... on Product { __typename upc }", QueryPlanRenderer.requiresText(f.get(1).requires()));
    }

    @Test
    void siblingJumpsIntoOneSubgraphShareOneEntityFetch() {
        QueryPlan plan = plan(SHOP, "{ topProducts { reviews { body } } product(upc: \"p1\") { reviews { id } } }");
        assertEquals("Sequence[Fetch(products), Flatten(topProducts.@ + product, Fetch(reviews))]", shape(plan));
    }

    @Test
    void nestedJumpsThroughThreeSubgraphsAndBack() {
        QueryPlan plan = plan(SHOP, "{ me { name reviews { body product { name } author { name } } } }");
        assertEquals("Sequence[Fetch(accounts), Flatten(me, Fetch(reviews)), "
                + "Parallel[Flatten(me.reviews.@.product, Fetch(products)), "
                + "Flatten(me.reviews.@.author, Fetch(accounts))]]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertTrue(f.get(1).operation().contains("...on User{reviews{body product{__typename upc}"
                + "author{__typename id}}}"), f.get(1).operation());
    }

    @Test
    void requiresFetchesTheRequiredFieldsFirstAndSendsThemInTheRepresentation() {
        QueryPlan plan = plan(SHOP, "{ topProducts { shippingEstimate } }");
        assertEquals("Sequence[Fetch(products), Flatten(topProducts.@, Fetch(inventory))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{topProducts{__typename upc price weight}}", f.get(0).operation());
        assertEquals("... on Product { __typename upc price weight }",
                QueryPlanRenderer.requiresText(f.get(1).requires()));
    }

    @Test
    void requiresFromAnotherEntityFetchRunsAfterIt() {
        // From reviews, Product.price lives in products: inventory must wait for that fetch.
        QueryPlan plan = plan(SHOP, "{ me { reviews { product { shippingEstimate } } } }");
        assertEquals("Sequence[Fetch(accounts), Flatten(me, Fetch(reviews)), "
                + "Flatten(me.reviews.@.product, Fetch(products)), "
                + "Flatten(me.reviews.@.product, Fetch(inventory))]", shape(plan));
    }

    @Test
    void providedFieldsStayInTheProvidingSubgraph() {
        QueryPlan provided = plan(SHOP, "{ me { reviews { author { username } } } }");
        assertEquals("Sequence[Fetch(accounts), Flatten(me, Fetch(reviews))]", shape(provided));
        QueryPlan notProvided = plan(SHOP, "{ me { reviews { author { username name } } } }");
        assertEquals("Sequence[Fetch(accounts), Flatten(me, Fetch(reviews)), "
                + "Flatten(me.reviews.@.author, Fetch(accounts))]", shape(notProvided));
    }

    @Test
    void externalFieldsAreFetchedFromTheirOwner() {
        // username is @external in reviews and not provided under User.reviews: it must come from accounts.
        QueryPlan plan = plan(SHOP, "{ topProducts { reviews { author { reviews { author { id } } } } } }");
        assertFalse(shape(plan).contains("accounts"), shape(plan));
        QueryPlan external = plan(SHOP, "{ user(id: \"1\") { reviews { body } username } }");
        assertEquals("Sequence[Fetch(accounts), Flatten(user, Fetch(reviews))]", shape(external));
    }

    @Test
    void shareableFieldsStayInTheCurrentSubgraph() {
        assertEquals("Fetch(a)", shape(plan(MEDIA, "{ shared { common a } }")));
        assertEquals("Fetch(b)", shape(plan(MEDIA, "{ bOnly { common b } }")));
    }

    @Test
    void interfaceFieldsWithTypeConditionsJumpOnlyForTheMatchingType() {
        QueryPlan plan = plan(MEDIA, "{ media { __typename id title ... on Book { pages } } }");
        assertEquals("Sequence[Fetch(a), Flatten(media.@, Fetch(b))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{media{__typename id title ...on Book{__typename id}}}", f.get(0).operation());
        assertEquals("... on Book { __typename id }", QueryPlanRenderer.requiresText(f.get(1).requires()));
    }

    @Test
    void unionMembersArePlannedPerTypeCondition() {
        QueryPlan plan = plan(MEDIA,
                "query Find($t: String) { search(text: $t) { ... on Book { title stars } ... on Movie { duration } } }");
        assertEquals("Sequence[Fetch(a), Flatten(search.@, Fetch(b))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("query Find__a__0($t:String){search(text:$t){__typename ...on Book{title __typename id}"
                + "...on Movie{duration}}}", f.get(0).operation());
        assertEquals(List.of("t"), f.get(0).variableUsages());
    }

    @Test
    void mutationsRunInOrderAndConsecutiveFieldsShareAFetch() {
        QueryPlan plan = plan(MEDIA, "mutation { a: addBook(title: \"x\") { id } b: addBook(title: \"y\") { id } "
                + "r: rateBook(id: \"1\", stars: 5) { stars title } c: addBook(title: \"z\") { pages } }");
        assertEquals("Sequence[Fetch(a), Fetch(b), Flatten(r, Fetch(a)), Fetch(a), Flatten(c, Fetch(b))]",
                shape(plan));
        assertTrue(fetches(plan).get(0).operation().startsWith("mutation{a:addBook"));
    }

    @Test
    void fragmentsAliasesAndConditionsArePassedOn() {
        QueryPlan plan = plan(SHOP, "query Q($withReviews: Boolean!) { tp: topProducts { ...P "
                + "rs: reviews @include(if: $withReviews) { body } } } fragment P on Product { title: name }");
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("query Q__products__0{tp:topProducts{title:name __typename upc}}", f.get(0).operation());
        assertEquals(List.of("withReviews"), f.get(1).variableUsages());
        assertTrue(f.get(1).operation().contains("rs:reviews @include(if:$withReviews){body}"),
                f.get(1).operation());
        assertEquals(List.of("tp", "@"), ((PlanNode.Flatten) ((PlanNode.Sequence) plan.root()).nodes().get(1)).path());
    }

    @Test
    void keysNotAvailableInTheCurrentSubgraphAreFetchedThroughAnother() {
        Supergraph chain = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                  C @join__graph(name: "c", url: "http://c")
                }
                type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) {
                  thing: Thing @join__field(graph: A)
                }
                type Thing
                  @join__type(graph: A, key: "id")
                  @join__type(graph: B, key: "id") @join__type(graph: B, key: "sku")
                  @join__type(graph: C, key: "sku")
                {
                  id: ID! @join__field(graph: A) @join__field(graph: B)
                  sku: String! @join__field(graph: B) @join__field(graph: C)
                  label: String @join__field(graph: C)
                }
                """));
        QueryPlan plan = plan(chain, "{ thing { label } }");
        assertEquals("Sequence[Fetch(a), Flatten(thing, Fetch(b)), Flatten(thing, Fetch(c))]", shape(plan));
    }

    @Test
    void overriddenFieldsAreResolvedByTheOverridingSubgraph() {
        Supergraph moved = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) { t: T @join__field(graph: A) }
                type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
                  id: ID!
                  name: String @join__field(graph: A)
                  price: Int @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: "a")
                }
                """));
        assertEquals("Sequence[Fetch(a), Flatten(t, Fetch(b))]", shape(plan(moved, "{ t { name price } }")));
        assertEquals("Fetch(a)", shape(plan(moved, "{ t { id name } }")));
    }

    @Test
    void typenameAndIntrospectionNeedNoSubgraph() {
        QueryPlan plan = plan(SHOP, "{ __typename __schema { queryType { name } } }");
        assertNull(plan.root());
        assertTrue(plan.introspection());
    }

    @Test
    void apiSchemaHidesFederationInternalsAndInaccessibleElements() {
        var api = SHOP.apiSchema();
        assertNull(api.getType("join__Graph"));
        assertNull(api.getType("link__Purpose"));
        assertNull(api.getDirective("join__type"));
        assertNull(api.getObjectType("Product").getFieldDefinition("internalCode"));
        assertNotNull(api.getObjectType("Product").getFieldDefinition("shippingEstimate"));
        assertTrue(ParseAndValidate.validate(api, Parser.parse("{ topProducts { internalCode } }")).size() > 0);
    }

    @Test
    void plansAreDeterministic() {
        String q = "{ me { reviews { product { name shippingEstimate } } } }";
        assertEquals(QueryPlanRenderer.toMap(plan(SHOP, q)), QueryPlanRenderer.toMap(plan(SHOP, q)));
    }

    @Test
    void unreachableFieldsGiveAClearPlanningError() {
        Supergraph noKey = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) { t: T @join__field(graph: A) }
                type T @join__type(graph: A) @join__type(graph: B) {
                  x: String @join__field(graph: A)
                  y: String @join__field(graph: B)
                }
                """));
        PlanningException e = assertThrows(PlanningException.class, () -> plan(noKey, "{ t { y } }"));
        assertTrue(e.getMessage().contains("T.y"), e.getMessage());
    }

    @Test
    void interfaceFieldsOfAnInterfaceObjectAreFetchedWithTheInterfaceAsEntityType() {
        QueryPlan plan = plan(CATALOG, "{ media { title reviews { score } } }");
        assertEquals("Sequence[Fetch(inventory), Flatten(media.@, Fetch(reviews))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{media{__typename title id}}", f.get(0).operation());
        assertTrue(f.get(1).operation().endsWith("{...on Media{reviews{score}}}}"), f.get(1).operation());
        assertEquals("... on Media { __typename id }", QueryPlanRenderer.requiresText(f.get(1).requires()));
    }

    @Test
    void fieldsAnImplementationGetsFromAnInterfaceObjectJumpAsTheInterface() {
        QueryPlan plan = plan(CATALOG, "{ media { ... on Book { author reviews { score } } } }");
        assertEquals("Sequence[Fetch(inventory), Flatten(media.@, Fetch(reviews))]", shape(plan));
        assertEquals("... on Media { __typename id }",
                QueryPlanRenderer.requiresText(fetches(plan).get(1).requires()));
    }

    @Test
    void anInterfaceObjectAloneNeedsNoOtherSubgraphWhenNoTypeIsAskedFor() {
        assertEquals("Fetch(reviews)", shape(plan(CATALOG, "{ topRatedMedia { id reviews { score } } }")));
    }

    @Test
    void theConcreteTypeBehindAnInterfaceObjectComesFromTheEntityInterface() {
        QueryPlan plan = plan(CATALOG,
                "{ topRatedMedia { __typename reviews { score } ... on Book { author reviews { score } } } }");
        assertEquals("Sequence[Fetch(reviews), Flatten(topRatedMedia.@, Fetch(inventory))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        // Fields the interface object has stay in reviews (no "... on Book" there: reviews has no Book).
        assertEquals("{topRatedMedia{__typename id reviews{score}}}", f.get(0).operation());
        assertTrue(f.get(1).operation().endsWith("{...on Media{__typename ...on Book{author}}}}"),
                f.get(1).operation());
        assertEquals("... on Media { __typename id }", QueryPlanRenderer.requiresText(f.get(1).requires()));
    }

    @Test
    void requiresOnAnInterfaceObjectFetchesTheExternalFieldAndComesBack() {
        QueryPlan plan = plan(CATALOG, "{ topRatedMedia { summary } }");
        assertEquals("Sequence[Fetch(reviews), Flatten(topRatedMedia.@, Fetch(inventory)), "
                + "Flatten(topRatedMedia.@, Fetch(reviews))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertTrue(f.get(1).operation().endsWith("{...on Media{title}}}"), f.get(1).operation());
        assertEquals("... on Media { __typename id title }",
                QueryPlanRenderer.requiresText(f.get(2).requires()));
    }

    @Test
    void aLocalFieldRequiringExternalFieldsComesBackToItsSubgraphAfterThem() {
        Supergraph circular = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) { post: Post @join__field(graph: B) }
                type Post @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
                  id: ID!
                  author: String @join__field(graph: A) @join__field(graph: B, external: true)
                  byExpert: Boolean @join__field(graph: B, requires: "author")
                }
                """));
        QueryPlan plan = plan(circular, "{ post { byExpert } }");
        assertEquals("Sequence[Fetch(b), Flatten(post, Fetch(a)), Flatten(post, Fetch(b))]", shape(plan));
        assertEquals("... on Post { __typename id author }",
                QueryPlanRenderer.requiresText(fetches(plan).get(2).requires()));
    }

    @Test
    void aFieldWhoseSubgraphTypeHasAnotherShapeIsAliasedAndRenamedBack() {
        // In b, User.id is ID! while Admin.id is ID: unaliased, "... on User { id } ... on Admin { id }" is invalid.
        Supergraph accounts = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) {
                  accounts: [Account!]! @join__field(graph: B)
                }
                union Account @join__type(graph: B)
                  @join__unionMember(graph: B, member: "User") @join__unionMember(graph: B, member: "Admin")
                  = User | Admin
                type User @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
                  id: ID @join__field(graph: A, type: "ID") @join__field(graph: B, type: "ID!")
                  name: String @join__field(graph: B)
                }
                type Admin @join__type(graph: B) {
                  id: ID
                  name: String
                }
                """));
        QueryPlan plan = plan(accounts, "{ accounts { ... on User { id name } ... on Admin { id name } } }");
        PlanNode.Fetch f = fetches(plan).get(0);
        assertEquals("{accounts{__typename ...on User{id__ID_nn:id name}...on Admin{id name}}}", f.operation());
        assertEquals(List.of(new PlanNode.Rename("accounts", "accounts",
                List.of(new PlanNode.Rename("id__ID_nn", "id", List.of())))), f.renames());
    }

    @Test
    void aSubgraphsNarrowerFieldTypeDropsFragmentsItCannotSpread() {
        Supergraph narrowed = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                }
                type Query @join__type(graph: A) {
                  book: Media @join__field(graph: A, type: "Book")
                }
                union Media @join__type(graph: A)
                  @join__unionMember(graph: A, member: "Book") @join__unionMember(graph: A, member: "Song")
                  = Book | Song
                type Book @join__type(graph: A) { title: String }
                type Song @join__type(graph: A) { title: String }
                """));
        QueryPlan plan = plan(narrowed, "{ book { ... on Song { title } ... on Book { title } } }");
        assertEquals("{book{__typename title}}", fetches(plan).get(0).operation());
    }

    @Test
    void requiredFieldsWithArgumentsAreAliasedApartFromTheClientsSelection() {
        Supergraph priced = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) { products: [Product] @join__field(graph: B) }
                type Product @join__type(graph: A, key: "upc") @join__type(graph: B, key: "upc") {
                  upc: String!
                  price(currency: String!): Int @join__field(graph: A, external: true) @join__field(graph: B)
                  shipping: Int @join__field(graph: A, requires: "price(currency: \\"USD\\")")
                  shippingEur: Int @join__field(graph: A, requires: "price(currency: \\"EUR\\")")
                }
                """));
        QueryPlan plan = plan(priced, "{ products { price(currency: \"EUR\") shipping } }");
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{products{price(currency:\"EUR\") __typename upc price__currency_USD:price(currency:\"USD\")}}",
                f.get(0).operation());
        assertEquals("... on Product { __typename upc price__currency_USD: price }",
                QueryPlanRenderer.requiresText(f.get(1).requires()));
        // Two requirements of one field with other arguments cannot share a representation: two fetches.
        QueryPlan both = plan(priced, "{ products { shipping shippingEur } }");
        assertEquals("Sequence[Fetch(b), Parallel[Flatten(products.@, Fetch(a)), Flatten(products.@, Fetch(a))]]",
                shape(both));
    }

    @Test
    void requiredFieldsUnderFragmentsKeepTheirTypeConditionsInTheRepresentation() {
        Supergraph shapes = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  B @join__graph(name: "b", url: "http://b")
                }
                type Query @join__type(graph: A) @join__type(graph: B) { e: Entity @join__field(graph: A) }
                type Entity @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
                  id: ID!
                  data: Shape @join__field(graph: A) @join__field(graph: B, external: true)
                  label: String! @join__field(graph: B, requires: "data { sides ... on Circle { radius } }")
                }
                interface Shape @join__type(graph: A) @join__type(graph: B) { sides: Int! }
                type Circle implements Shape
                  @join__implements(graph: A, interface: "Shape") @join__implements(graph: B, interface: "Shape")
                  @join__type(graph: A) @join__type(graph: B)
                { sides: Int! radius: Int! }
                type Square implements Shape
                  @join__implements(graph: A, interface: "Shape") @join__implements(graph: B, interface: "Shape")
                  @join__type(graph: A) @join__type(graph: B)
                { sides: Int! }
                """));
        QueryPlan plan = plan(shapes, "{ e { label } }");
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{e{__typename id data{__typename sides ...on Circle{radius}}}}", f.get(0).operation());
        assertEquals(List.of(new PlanNode.RequiredField("sides", "sides", null, null),
                new PlanNode.RequiredField("__typename", "__typename", null, null),
                new PlanNode.RequiredField("radius", "radius", "Circle", null)),
                f.get(1).requires().get(0).fields().get(2).selections());
    }

    @Test
    void fieldsOfAValueTypeSplitOverSubgraphsAreFetchedAgainFromTheSharedRoot() {
        Supergraph shared = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  NAME @join__graph(name: "name", url: "http://name")
                  PRICE @join__graph(name: "price", url: "http://price")
                }
                type Query @join__type(graph: NAME) @join__type(graph: PRICE) {
                  products(first: Int): [Product!]!
                }
                type Product @join__type(graph: NAME) @join__type(graph: PRICE) {
                  id: ID!
                  name: String! @join__field(graph: NAME)
                  price: Int! @join__field(graph: PRICE)
                }
                """));
        QueryPlan plan = plan(shared, "{ products(first: 2) { id name price } }");
        assertEquals("Parallel[Fetch(name), Fetch(price)]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{products(first:2){id name}}", f.get(0).operation());
        assertEquals("{products(first:2){price}}", f.get(1).operation());
    }

    @Test
    void fieldsOfAValueTypeAreReachedThroughTheEnclosingEntity() {
        Supergraph nested = SupergraphParser.parse(Supergraphs.supergraph("""
                enum join__Graph {
                  A @join__graph(name: "a", url: "http://a")
                  C @join__graph(name: "c", url: "http://c")
                }
                type Query @join__type(graph: A) @join__type(graph: C) { products: [Product!]! @join__field(graph: A) }
                type Product @join__type(graph: A, key: "id") @join__type(graph: C, key: "id") {
                  id: ID!
                  category: Category
                }
                type Category @join__type(graph: A) @join__type(graph: C) {
                  name: String @join__field(graph: A)
                  details: String @join__field(graph: C)
                }
                """));
        QueryPlan plan = plan(nested, "{ products { category { name details } } }");
        assertEquals("Sequence[Fetch(a), Flatten(products.@, Fetch(c))]", shape(plan));
        List<PlanNode.Fetch> f = fetches(plan);
        assertEquals("{products{category{name}__typename id}}", f.get(0).operation());
        assertTrue(f.get(1).operation().endsWith("{...on Product{category{details}}}}"), f.get(1).operation());
    }

    private static QueryPlan plan(Supergraph supergraph, String query) {
        Document doc = Parser.parse(query);
        var errors = ParseAndValidate.validate(supergraph.apiSchema(), doc);
        assertTrue(errors.isEmpty(), errors.toString());
        QueryPlan plan = new QueryPlanner(supergraph).plan(doc, null);
        assertSame(plan.getClass(), QueryPlan.class);
        return plan;
    }

    private static String shape(QueryPlan plan) {
        return QueryPlanRenderer.shape(plan.root());
    }

    private static List<PlanNode.Fetch> fetches(QueryPlan plan) {
        List<PlanNode.Fetch> out = new ArrayList<>();
        collect(plan.root(), out);
        return out;
    }

    private static void collect(PlanNode node, List<PlanNode.Fetch> out) {
        if (node instanceof PlanNode.Fetch f) {
            out.add(f);
        } else if (node instanceof PlanNode.Flatten fl) {
            collect(fl.node(), out);
        } else if (node instanceof PlanNode.Sequence s) {
            s.nodes().forEach(n -> collect(n, out));
        } else if (node instanceof PlanNode.Parallel p) {
            p.nodes().forEach(n -> collect(n, out));
        }
    }
}
