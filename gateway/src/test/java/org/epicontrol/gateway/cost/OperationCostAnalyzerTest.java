package org.epicontrol.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.HostileQueries;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The static cost model on the shop supergraph: objects weigh 1, scalars 0, lists 10 unless sliced. */
class OperationCostAnalyzerTest {
    private static final Supergraph SHOP = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP));

    @Test
    void objectsWeighOneScalarsNothingAndListsMultiplyByTheirSize() {
        // topProducts(first: 3): 3 × (Product 1 + reviews 10 × (Review 1 + author 1))
        assertEquals(3 * (1 + 10 * 2), cost("{ topProducts(first: 3) { name reviews { body author { name } } } }"));
        assertEquals(1, cost("{ me { id name } }"));
        assertEquals(0, cost("{ __typename }"));
    }

    @Test
    void theIssuesExampleGrowsTenfoldPerLevel() {
        assertEquals(1 + 10 * (2 + 10 * (2 + 10 * 2)), cost(HostileQueries.nestedLists(3)));
        assertEquals(1 + 10 * (2 + 10 * (2 + 10 * (2 + 10 * 2))), cost(HostileQueries.nestedLists(4)));
    }

    @Test
    void inlineAndNamedFragmentsCostWhatTheirFieldsCost() {
        double plain = cost(HostileQueries.nestedLists(4));
        assertEquals(plain, cost(HostileQueries.nestedListsThroughInlineFragments(4)));
        assertEquals(plain, cost(HostileQueries.nestedListsThroughNamedFragments(4)));
    }

    @Test
    void aSlicingArgumentSetsTheListSizeAsLiteralVariableOrArgumentDefault() {
        String q = "query($n: Int) { topProducts(first: $n) { name } }";
        assertEquals(3, cost(q, Map.of("n", 3)));
        assertEquals(100_000, cost(q, Map.of("n", 100_000)));
        assertEquals(5, cost("{ topProducts { name } }"), "topProducts(first: Int = 5)");
        assertEquals(0, cost("{ topProducts(first: -4) { name } }"));
        // An unset variable: the list size assumed for lists without a slicing argument.
        assertEquals(10, cost(q, Map.of()));
    }

    @Test
    void theFormulaOfAFragmentSpreadManyTimesIsSharedAndEvaluatedPerRequest() {
        String q = "query($n: Int) { ...F ...F ...F } fragment F on Query { topProducts(first: $n) { name } }";
        CostFormula formula = analysis(q).cost();
        assertEquals(3 * 7, formula.evaluate(Map.of("n", 7)));
        assertEquals(3 * 2, formula.evaluate(Map.of("n", 2)));
    }

    @ParameterizedTest(name = "{0} fragments")
    @ValueSource(ints = {24, 40, 200})
    void fragmentsThatDoubleAreCountedOnceEachInLinearTime(int n) {
        OperationAnalysis a = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> analysis(HostileQueries.fragmentBomb(n, "me { id }")));
        double copies = Math.pow(2, n - 1); // of "me { id }": two fields each
        assertTrue(a.fields() >= Math.min(2 * copies, Long.MAX_VALUE), "fields: " + a.fields());
        assertEquals(copies, a.cost().evaluate(Map.of()), copies / 1e12);
        assertEquals(2, a.depth());
    }

    @Test
    void aliasesAndDepthAreCountedThroughSpreads() {
        OperationAnalysis a = analysis(HostileQueries.aliasesInFragments(10, 30));
        assertEquals(30 * 10 + 10, a.aliases(), "30 spreads, and the fragment itself (validation reads it too)");
        assertEquals(1 + 2 * 12 + 1, analysis(HostileQueries.deepThroughFragments(12)).depth());
    }

    @Test
    void everyDefinitionIsCountedForTheLimitsNotOnlyTheOperationRun() {
        String q = "query Cheap { me { id } } query Other { ...F0 }\n" + HostileQueries.fragmentBomb(30, "me { id }")
                .substring("{ ...F0 }\n".length());
        OperationAnalysis a = analysis(q, "Cheap");
        assertTrue(a.fields() > 1_000_000_000L, "validation would read the other operation too");
        assertEquals(1, a.cost().evaluate(Map.of()));
    }

    @Test
    void fragmentCyclesAndUnknownFragmentsAreRefusedNotLoopedOn() {
        assertThrows(InvalidOperationException.class, () -> analysis("{ ...A } fragment A on Query { ...A }"));
        assertThrows(InvalidOperationException.class,
                () -> analysis("{ ...A } fragment A on Query { me { ...B } } fragment B on User { reviews { author { ...B } } }"));
        assertThrows(InvalidOperationException.class, () -> analysis("{ ...Nope }"));
    }

    @Test
    void unknownFieldsCostNothingAndAreLeftToValidation() {
        assertEquals(1, cost("{ me { nope { deeper } } }"));
    }

    @Test
    void configuredWeightsAndListSizesOverrideTheDefaults() {
        CostSettings settings = new CostSettings(10, List.of("first"), List.of("edges"), 1, 0, 10,
                Map.of("User", 5.0), Map.of("Review.body", 2.0), Map.of("Product.reviews", 3));
        // 2 × (Product 1 + reviews 3 × (Review 1 + body 2 + author 5))
        assertEquals(2 * (1 + 3 * (1 + 2 + 5)),
                cost(SHOP, settings, "{ topProducts(first: 2) { reviews { body author { id } } } }", Map.of()));
    }

    @Test
    void aMutationFieldAddsTheMutationWeightAndAbstractListsCostLikeObjects() {
        Supergraph media = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.MEDIA));
        // Book 1 + mutation 10, twice
        assertEquals(22, cost(media, CostSettings.defaults(),
                "mutation { addBook(title: \"a\") { id } rateBook(id: \"1\", stars: 5) { stars } }", Map.of()));
        assertEquals(10 * 1, cost(media, CostSettings.defaults(),
                "{ search(text: \"x\") { ... on Book { pages } ... on Movie { duration } } }", Map.of()));
    }

    static double cost(String query) {
        return cost(query, Map.of());
    }

    static double cost(String query, Map<String, Object> variables) {
        return cost(SHOP, CostSettings.defaults(), query, variables);
    }

    static double cost(Supergraph supergraph, CostSettings settings, String query, Map<String, Object> variables) {
        Document doc = parse(query);
        return new OperationCostAnalyzer(supergraph.apiSchema(), new CostModel(supergraph, settings))
                .analyze(doc, first(doc, null)).cost().evaluate(variables);
    }

    static OperationAnalysis analysis(String query) {
        return analysis(query, null);
    }

    static OperationAnalysis analysis(String query, String operationName) {
        Document doc = parse(query);
        return new OperationCostAnalyzer(SHOP.apiSchema(), new CostModel(SHOP, CostSettings.defaults()))
                .analyze(doc, first(doc, operationName));
    }

    private static OperationDefinition first(Document doc, String name) {
        return doc.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> name == null || name.equals(o.getName())).findFirst().orElseThrow();
    }

    private static Document parse(String query) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(1_000_000));
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                .parserOptions(options).build());
    }
}
