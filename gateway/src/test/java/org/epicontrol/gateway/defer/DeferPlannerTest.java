package org.epicontrol.gateway.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ParseAndValidate;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.Map;
import org.epicontrol.gateway.plan.PlanNode;
import org.epicontrol.gateway.plan.QueryPlanner;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.Test;

/** Deferred plans as compact strings: what the first part fetches, and a plan per deferred fragment. */
class DeferPlannerTest {
    private static final Supergraph SHOP = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP));
    private static final Supergraph MEDIA = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.MEDIA));

    @Test
    void aDeferredEntityFragmentIsAnEntitiesFetchFromTheObjectsThePrimaryPlanFetched() {
        DeferPlan plan = plan(SHOP, "{ topProducts { name ... @defer(label: \"rev\") { reviews { body } } } }");
        assertEquals("Defer { primary: Fetch(products), deferred #0 rev topProducts.@: "
                + "Flatten(topProducts.@, Fetch(reviews)) }", DeferPlanRenderer.shape(plan));
        // The primary fetch carries the key the deferred fetch starts from, hidden from the first part.
        assertEquals("{topProducts{name __typename upc}}", rootFetch(plan.primary().root()).operation());
        assertEquals("{topProducts{name}}", compact(plan.primaryShape()));
        PlanNode.Flatten deferred = (PlanNode.Flatten) plan.deferred().get(0).plan().root();
        assertEquals("query ($representations:[_Any!]!){_entities(representations:$representations)"
                + "{...on Product{reviews{body}}}}", ((PlanNode.Fetch) deferred.node()).operation());
    }

    @Test
    void deferredFieldsOfTheParentsOwnSubgraphAreFetchedAgainThroughItsKey() {
        DeferPlan plan = plan(SHOP, "{ topProducts { name ... @defer { price } } }");
        assertEquals("Defer { primary: Fetch(products), deferred #0 topProducts.@: "
                + "Flatten(topProducts.@, Fetch(products)) }", DeferPlanRenderer.shape(plan));
    }

    @Test
    void aDeferredFragmentOverSeveralSubgraphsStartsInEachInParallelAndJumpsOnAfterwards() {
        DeferPlan plan = plan(SHOP, "{ product(upc: \"p1\") { name ... @defer { inStock reviews { author { name } } } } }");
        assertEquals("Defer { primary: Fetch(products), deferred #0 product: "
                + "Parallel[Flatten(product, Fetch(inventory)), Sequence[Flatten(product, Fetch(reviews)), "
                + "Flatten(product.reviews.@.author, Fetch(accounts))]] }", DeferPlanRenderer.shape(plan));
        assertEquals("{product(upc:\"p1\"){name __typename upc}}", rootFetch(plan.primary().root()).operation());
    }

    @Test
    void aDeferredRootFragmentIsAQueryOfItsOwn() {
        DeferPlan plan = plan(SHOP, "{ me { name } ... @defer(label: \"top\") { topProducts { name } } }");
        assertEquals("Defer { primary: Fetch(accounts), deferred #0 top /: Fetch(products) }",
                DeferPlanRenderer.shape(plan));
    }

    @Test
    void everythingDeferredLeavesAPrimaryPlanWithoutFetches() {
        DeferPlan plan = plan(SHOP, "{ ... @defer { me { name } } }");
        assertEquals("Defer { primary: Empty, deferred #0 /: Fetch(accounts) }", DeferPlanRenderer.shape(plan));
    }

    @Test
    void nestedDeferredFragmentsStartFromTheirParentsObjects() {
        DeferPlan plan = plan(SHOP, """
                { topProducts { name ... @defer(label: "outer") {
                    reviews { body ... @defer(label: "inner") { author { name } } } } } }""");
        assertEquals("Defer { primary: Fetch(products), "
                + "deferred #0 outer topProducts.@: Flatten(topProducts.@, Fetch(reviews)), "
                + "deferred #1 inner in #0 topProducts.@.reviews.@: Sequence[Flatten(topProducts.@.reviews.@, "
                + "Fetch(reviews)), Flatten(topProducts.@.reviews.@.author, Fetch(accounts))] }",
                DeferPlanRenderer.shape(plan));
        // The outer fetch returns the Review keys the inner one starts from.
        PlanNode.Flatten outer = (PlanNode.Flatten) plan.deferred().get(0).plan().root();
        assertTrue(((PlanNode.Fetch) outer.node()).operation().contains("reviews{body __typename id}"),
                ((PlanNode.Fetch) outer.node()).operation());
    }

    @Test
    void aDeferredFragmentOnAValueTypeIsFetchedWithItsParent() {
        DeferPlan plan = plan(MEDIA, "{ shared { common ... @defer(label: \"b\") { b } } }");
        // b answers all of `shared` itself (common and b), so the shared root goes to b alone
        assertEquals("Defer { primary: Fetch(b), deferred #0 b shared: with parent }",
                DeferPlanRenderer.shape(plan));
        assertEquals("{shared{common}}", compact(plan.primaryShape()));
    }

    @Test
    void aDeferredFragmentOnAnImplementationStartsFromObjectsOfThatType() {
        DeferPlan plan = plan(MEDIA, "{ media { title ... on Book @defer { pages } } }");
        assertEquals("Defer { primary: Fetch(a), deferred #0 media.@: Flatten(media.@, Fetch(b)) }",
                DeferPlanRenderer.shape(plan));
        PlanNode.Fetch f = (PlanNode.Fetch) ((PlanNode.Flatten) plan.deferred().get(0).plan().root()).node();
        assertEquals("... on Book { __typename id }", org.epicontrol.gateway.plan.QueryPlanRenderer.requiresText(
                f.requires()));
    }

    @Test
    void deferredFragmentSpreadsAreCutOutAtEachSpread() {
        DeferPlan plan = plan(SHOP, """
                { topProducts { name ...Rev @defer(label: "rev") } product(upc: "p1") { ...Rev @defer } }
                fragment Rev on Product { reviews { body } }""");
        assertEquals("Defer { primary: Fetch(products), "
                + "deferred #0 rev topProducts.@: Flatten(topProducts.@, Fetch(reviews)), "
                + "deferred #1 product: Flatten(product, Fetch(reviews)) }", DeferPlanRenderer.shape(plan));
    }

    @Test
    void deferIfFalseIsAnOrdinaryFragment() {
        DeferPlan literal = plan(SHOP, "{ topProducts { name ... @defer(if: false) { reviews { body } } } }");
        assertEquals("Defer { primary: Sequence[Fetch(products), Flatten(topProducts.@, Fetch(reviews))] }",
                DeferPlanRenderer.shape(literal));
        String query = "query($d: Boolean!) { topProducts { name ... @defer(if: $d) { reviews { body } } } }";
        assertEquals(DeferPlanRenderer.shape(literal), DeferPlanRenderer.shape(plan(SHOP, query, Map.of("d", false))));
        assertEquals(1, plan(SHOP, query, Map.of("d", true)).deferred().size());
    }

    @Test
    void skipAndIncludeOnADeferredFragmentAreKeptAsItsConditions() {
        DeferPlan plan = plan(SHOP, "query($s: Boolean!) { topProducts { name ... @defer @skip(if: $s) { reviews { body } } } }");
        DeferredFragment f = plan.deferred().get(0).fragment();
        assertEquals("skip", f.conditions().get(0).getName());
        assertEquals("{topProducts{name ...on Product@skip(if:$s){__typename upc}}}",
                compact(split(SHOP, "query($s: Boolean!) { topProducts { name ... @defer @skip(if: $s) { reviews { body } } } }")));
    }

    @Test
    void theOperationsDeferSwitchesAreItsDeferIfVariables() {
        OperationDefinition op = operation("query($d: Boolean!, $e: Boolean!) { me { ... @defer(if: $d) { name } } "
                + "topProducts { ... @defer(if: $e) { name } } }");
        DeferPlans plans = new DeferPlans(op, Map.of());
        assertTrue(plans.defers(Map.of("d", true, "e", false)));
        assertEquals(false, plans.defers(Map.of("d", false, "e", false)));
        assertEquals(false, new DeferPlans(operation("{ me { name } }"), Map.of()).defers(Map.of()));
        assertTrue(new DeferPlans(operation("{ me { ... @defer { name } } }"), Map.of()).defers(Map.of()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static DeferPlan plan(Supergraph supergraph, String query) {
        return plan(supergraph, query, Map.of());
    }

    private static DeferPlan plan(Supergraph supergraph, String query, Map<String, Object> variables) {
        Document doc = validated(supergraph, query);
        return DeferPlanner.plan(supergraph, new QueryPlanner(supergraph), op(doc), fragments(doc), variables);
    }

    private static graphql.language.SelectionSet split(Supergraph supergraph, String query) {
        Document doc = validated(supergraph, query);
        return new DeferSplitter(supergraph.apiSchema(), supergraph, fragments(doc), Map.of())
                .split(supergraph.apiSchema().getQueryType(), op(doc).getSelectionSet()).primary().planned();
    }

    private static Document validated(Supergraph supergraph, String query) {
        Document doc = new Parser().parseDocument(query);
        var errors = ParseAndValidate.validate(supergraph.apiSchema(), doc);
        assertTrue(errors.isEmpty(), errors.toString());
        return doc;
    }

    private static OperationDefinition operation(String query) {
        return op(new Parser().parseDocument(query));
    }

    private static OperationDefinition op(Document doc) {
        return doc.getDefinitionsOfType(OperationDefinition.class).get(0);
    }

    private static Map<String, FragmentDefinition> fragments(Document doc) {
        Map<String, FragmentDefinition> out = new HashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                out.put(f.getName(), f);
            }
        }
        return out;
    }

    private static PlanNode.Fetch rootFetch(PlanNode node) {
        return (PlanNode.Fetch) node;
    }

    private static String compact(graphql.language.SelectionSet set) {
        return AstPrinter.printAstCompact(set);
    }
}
