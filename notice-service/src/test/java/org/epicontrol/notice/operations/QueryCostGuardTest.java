package org.epicontrol.notice.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epicontrol.notice.Notices;
import org.epicontrol.testsupport.QueryShapes;
import org.epicontrol.testsupport.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's own query guard (service-common QueryGuard, limits in application.properties): deep recursions,
 * fragment bombs, alias floods and huge pages, sent to this subgraph directly, are refused with a typed error before
 * any of it is validated or run — in milliseconds — while the queries of the README, the gateway and GraphiQL pass.
 */
@QuarkusTest
class QueryCostGuardTest {

    /** Refused, an operation answers in milliseconds; an operation that is run instead is abandoned after PATIENCE. */
    private static final Duration QUICKLY = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private String noticeId;

    @BeforeEach
    void fixturesImported() {
        Notices.importFixtures();
        noticeId = GRAPHQL.data("{ notices(first: 50) { edges { node { id number } } } }")
                .getString("notices.edges.node.find { it.number == 195 }.id");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 6})
    void theRecursionThroughDesignationsIsRefusedAtAnyDepth(int levels) {
        // levels = 3 is the example found: { notice { designations { notice { designations { notice { designations { notice { id } } } } } } } }
        // Within the depth limit its cost refuses it (every designations list counts 100), beyond it either limit does.
        String query = "{ notice(id: \"" + noticeId + "\") { "
                + QueryShapes.recursion("designations", "notice", levels, "id") + " } }";
        refusedQuickly(query, Map.of(), Set.of("COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED"));
    }

    @Test
    void theRecursionWithinTheDepthLimitIsRefusedByItsCost() {
        String query = "{ notice(id: \"" + noticeId + "\") { designations { notice { designations { notice {"
                + " designations { id } } } } } } }";
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aCheapChainDeeperThanTheLimitIsRefusedByItsDepth(int beyond) {
        // area + parents + id: as deep as the limit plus beyond, and costing a field per level
        String chain = QueryShapes.chain("parent", maxDepth() - 2 + beyond, "id");
        refusedQuickly("{ area(id: \"" + areaId() + "\") { " + chain + " } }", Map.of(), "DEPTH_LIMIT_EXCEEDED");
        String spread = QueryShapes.chainThroughFragments("Area", "parent", maxDepth() - 2 + beyond, "id",
                "area(id: \"" + areaId() + "\") { ...C0 }");
        refusedQuickly(spread, Map.of(), "DEPTH_LIMIT_EXCEEDED");
    }

    @Test
    void aCheapChainAsDeepAsTheLimitAnswers() {
        String chain = QueryShapes.chain("parent", maxDepth() - 2, "id");
        GRAPHQL.post("{ area(id: \"" + areaId() + "\") { " + chain + " } }", Map.of())
                .body("errors", nullValue()).body("data.area", notNullValue());
        String spread = QueryShapes.chainThroughFragments("Area", "parent", maxDepth() - 2, "id",
                "area(id: \"" + areaId() + "\") { ...C0 }");
        GRAPHQL.post(spread, Map.of()).body("errors", nullValue()).body("data.area", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 30, 40})
    void aFragmentBombIsRefusedBeforeValidation(int fragments) {
        String query = QueryShapes.fragmentBomb(fragments, "Query", "riskLevels { code }", "");
        assertTrue(query.length() < 1600, "about 1 KB: " + query.length());
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void aFragmentBombInsideAFieldIsRefusedToo() {
        String query = QueryShapes.fragmentBomb(30, "Notice", "number designations { text }",
                "notice(id: \"" + noticeId + "\") { ...F0 }");
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void manyAliasesOfAnExpensiveFieldAreRefused() {
        refusedQuickly(QueryShapes.aliases(40, "riskAreas(asOf: \"2022-11-30\", first: 500) {"
                + " edges { node { area { id fullName } level { code } } } }"), Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void aHugePageIsRefusedBeforeAnyWorkLiteralOrVariable() {
        refusedQuickly("{ notices(first: 1000000) { edges { node { id designations { text } } } } }", Map.of(),
                "COST_LIMIT_EXCEEDED");
        refusedQuickly("query($n: Int) { riskAreas(first: $n) { edges { node { area { fullName } } } } }",
                Map.of("n", 100000), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void theFederationBatchOfAGatewayIsCostedByItsRepresentations() {
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id fullName"
                + " children { fullName children { fullName } } } } }";
        List<Map<String, Object>> few = representations(20);
        GRAPHQL.post(query, Map.of("r", few)).body("errors", nullValue()).body("data._entities", hasSize(20));
        refusedQuickly(query, Map.of("r", representations(1000)), "COST_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // README, notice-service alone and through the gateway
            "{ notices(first: 2) { edges { node { number designations(level: \"HIGH\") { text areas { id fullName } } } } } }",
            "{ riskLevel(address: \"太原市小店区晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") { designated level { code name }"
                    + " since area { fullName } notice { number issueDate } designation { text } } }",
            // a full page of the risk map
            "{ riskAreas(asOf: \"2022-11-30\", first: 500) { edges { node { area { id fullName } level { code } since"
                    + " notice { number } } } pageInfo { hasNextPage } } }",
            // the gateway benchmark's seeding query, and fragments used as fragments are
            "{ notices(first: 10) { edges { node { designations { areas { id fullName } } } } } }",
            "{ notices(first: 5) { edges { node { ...N } } } } fragment N on Notice { number designations { ...D } }"
                    + " fragment D on Designation { text level { code } }",
            // each area of a notice with its compound, street and district, as a client lists them: depth 9
            "{ notices(first: 2) { edges { node { number designations { text areas { fullName parent { fullName"
                    + " parent { fullName parent { fullName } } } } } } } } }",
            // what GraphiQL asks (abridged): introspection adds no depth
            "{ __schema { types { name fields { name args { name type { ...T } } type { ...T } } } } }"
                    + " fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name"
                    + " ofType { kind name ofType { kind name } } } } } }"})
    void theQueriesStaffAndTheGatewaySendStillAnswer(String query) {
        GRAPHQL.post(query, Map.of()).body("errors", nullValue()).body("data", notNullValue());
    }

    private static void refusedQuickly(String query, Map<String, Object> variables, String code) {
        refusedQuickly(query, variables, Set.of(code));
    }

    private static void refusedQuickly(String query, Map<String, Object> variables, Set<String> codes) {
        Refusals.refusedQuickly(GRAPHQL, query, variables, codes, QUICKLY, PATIENCE);
    }

    /** The depth the service is configured with (query-guard.max-depth), so the chains sit at and beyond it. */
    private static int maxDepth() {
        return ConfigProvider.getConfig().getValue("query-guard.max-depth", Integer.class);
    }

    private static String areaId() {
        return GRAPHQL.data("{ searchAreas(text: \"区\", first: 1) { id } }").getString("searchAreas[0].id");
    }

    private List<Map<String, Object>> representations(int n) {
        List<String> ids = GRAPHQL.data("{ searchAreas(text: \"区\", first: 500) { id } }").getList("searchAreas.id");
        List<Map<String, Object>> representations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            representations.add(Map.of("__typename", "Area", "id", ids.get(i % ids.size())));
        }
        return representations;
    }
}
