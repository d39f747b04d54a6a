package org.epicontrol.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.AccessSupergraphs;
import org.junit.jupiter.api.Test;

class OperationFilterTest {
    static final Supergraph SHOP = SupergraphParser.parse(AccessSupergraphs.supergraph(AccessSupergraphs.SHOP));
    static final Supergraph MEDIA = SupergraphParser.parse(AccessSupergraphs.supergraph(AccessSupergraphs.MEDIA));
    static final Caller SIGNED_IN = Caller.withToken("token-1", Set.of(), 0);

    static Caller withScopes(String... scopes) {
        return Caller.withToken("token-2", Set.of(scopes), 0);
    }

    record Filtered(String query, List<Removal> removals, Set<String> asked) {
    }

    /** A document's (last) operation and its fragments. */
    record Parsed(OperationDefinition op, Map<String, FragmentDefinition> fragments) {
    }

    static Parsed parse(String query) {
        Document doc = Parser.parse(query);
        OperationDefinition op = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof OperationDefinition o) {
                op = o;
            } else if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        return new Parsed(op, fragments);
    }

    static Filtered filter(Supergraph supergraph, String query, Caller caller, Map<String, PolicyDecision> policies) {
        Parsed parsed = parse(query);
        OperationDefinition op = parsed.op();
        Map<String, FragmentDefinition> fragments = parsed.fragments();
        Grants grants = new Grants(caller, policies::get);
        OperationFilter.Result r = new OperationFilter(supergraph.apiSchema(), supergraph.access(), fragments, grants)
                .filter(op);
        if (r.unchanged()) {
            assertSame(op, r.operation());
        }
        return new Filtered(r.operation() == null ? null : AstPrinter.printAstCompact(r.operation()),
                r.removals(), grants.missing());
    }

    /** The query as the filter prints it (compact), e.g. {@code {a{b}}}. */
    static String compact(String query) {
        return AstPrinter.printAstCompact(Parser.parse(query).getDefinitions().get(0));
    }

    static List<List<Object>> paths(Filtered f) {
        return f.removals().stream().map(Removal::path).toList();
    }

    @Test
    void anAuthenticatedFieldIsRemovedForAnonymousCallersAndTheRestKept() {
        Filtered f = filter(SHOP, "{ me { name } topProducts { name } }", Caller.ANONYMOUS, Map.of());
        assertEquals(compact("{topProducts {name}}"), f.query());
        assertEquals(List.of(List.of("me")), paths(f));
        assertEquals(Verdict.DENIED, f.removals().get(0).verdict());
    }

    @Test
    void aSignedInCallerKeepsTheAuthenticatedField() {
        Filtered f = filter(SHOP, "{ me { name } }", SIGNED_IN, Map.of());
        assertTrue(f.removals().isEmpty());
    }

    @Test
    void scopesAreAlternativesOfAllOf() {
        String q = "{ topProducts { reviews { body } } }";
        assertEquals(List.of(List.of("topProducts", "@", "reviews")), paths(filter(SHOP, q, SIGNED_IN, Map.of())));
        assertTrue(filter(SHOP, q, withScopes("read:reviews"), Map.of()).removals().isEmpty());
        assertTrue(filter(SHOP, q, withScopes("admin"), Map.of()).removals().isEmpty());
        assertEquals(1, filter(SHOP, q, withScopes("read:username"), Map.of()).removals().size());
    }

    @Test
    void aFieldLeftWithoutSelectionGoesWithItsParentsUpToTheRoot() {
        Filtered f = filter(SHOP, "query Q { me { username } }", SIGNED_IN, Map.of());
        assertNull(f.query(), "nothing is left of the operation");
        assertEquals(List.of(List.of("me", "username")), paths(f));
    }

    @Test
    void typenameStaysSoItsParentStays() {
        Filtered f = filter(SHOP, "{ me { __typename username } }", SIGNED_IN, Map.of());
        assertEquals(compact("{me {__typename}}"), f.query());
    }

    @Test
    void aPolicyWithoutDecisionIsRefusedAndAskedFor() {
        Filtered f = filter(SHOP, "{ topProducts { name price } }", SIGNED_IN, Map.of());
        assertEquals(compact("{topProducts {name}}"), f.query());
        assertEquals(Set.of("product:price"), f.asked());
        Filtered granted = filter(SHOP, "{ topProducts { name price } }", SIGNED_IN,
                Map.of("product:price", PolicyDecision.GRANTED));
        assertTrue(granted.removals().isEmpty());
        assertTrue(granted.asked().isEmpty());
    }

    @Test
    void anUnavailableDecisionRefusesWithItsOwnVerdict() {
        Filtered f = filter(SHOP, "{ topProducts { name price } }", SIGNED_IN,
                Map.of("product:price", PolicyDecision.UNAVAILABLE));
        assertEquals(Verdict.UNDECIDED, f.removals().get(0).verdict());
    }

    @Test
    void anonymousCallersHoldNoPolicyAndNobodyIsAsked() {
        Filtered f = filter(SHOP, "{ topProducts { name price } }", Caller.ANONYMOUS, Map.of());
        assertEquals(compact("{topProducts {name}}"), f.query());
        assertTrue(f.asked().isEmpty());
    }

    @Test
    void fragmentsAreFollowedToEveryPathAndInlined() {
        Filtered f = filter(SHOP, """
                query Q { topProducts { ...P } product(upc: "p1") { ...P } }
                fragment P on Product { name price }
                """, SIGNED_IN, Map.of());
        assertEquals(compact("query Q {topProducts {... on Product {name}} product(upc: \"p1\") {... on Product {name}}}"),
                f.query());
        assertEquals(List.of(List.of("topProducts", "@", "price"), List.of("product", "price")), paths(f));
    }

    @Test
    void variablesOfRemovedFieldsAreNoLongerDeclared() {
        Filtered f = filter(SHOP, "query Q($id: ID!, $n: Int) { user(id: $id) { username } topProducts(first: $n) { name } }",
                SIGNED_IN, Map.of());
        assertEquals(compact("query Q($n: Int) {topProducts(first: $n) {name}}"), f.query());
    }

    @Test
    void aFieldOfAnInterfaceIsCheckedInEveryImplementation() {
        // Book (a Media) needs policy "books": any Media field may be a Book's.
        Filtered f = filter(MEDIA, "{ media { id title } }", SIGNED_IN, Map.of("books", PolicyDecision.DENIED));
        assertNull(f.query());
        assertEquals(List.of(List.of("media", "@", "id"), List.of("media", "@", "title")), paths(f));
        assertTrue(filter(MEDIA, "{ media { id title } }", SIGNED_IN, Map.of("books", PolicyDecision.GRANTED))
                .removals().isEmpty());
    }

    @Test
    void aFragmentOnAnUnauthorizedTypeIsRemovedAndTheOtherTypesKept() {
        Filtered f = filter(MEDIA, "{ search { ... on Book { pages } ... on Movie { title duration } } }",
                Caller.ANONYMOUS, Map.of());
        assertEquals(compact("{search {... on Movie {title}}}"), f.query());
        assertEquals(List.of(List.of("search", "@"), List.of("search", "@", "duration")), paths(f));
    }

    @Test
    void aSupergraphWithoutDirectivesRequiresNothing() {
        Supergraph plain = SupergraphParser.parse(org.epicontrol.gateway.testing.Supergraphs.supergraph(
                org.epicontrol.gateway.testing.Supergraphs.SHOP));
        assertTrue(plain.access().isEmpty());
    }
}
