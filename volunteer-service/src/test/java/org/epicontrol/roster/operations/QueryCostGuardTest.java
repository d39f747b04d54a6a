package org.epicontrol.roster.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epicontrol.roster.RosterFixtures;
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

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same guard as notice-service's (service-common QueryGuard, limits in application.properties): sent to this
 * subgraph directly, deep recursions, fragment bombs, alias floods and huge pages are refused with a typed error in
 * milliseconds, before validation, authorization or any read; the queries of staff and of the gateway still answer.
 */
@QuarkusTest
class QueryCostGuardTest {

    /** Refused, an operation answers in milliseconds; an operation that is run instead is abandoned after PATIENCE. */
    private static final Duration QUICKLY = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String WEEK = "from: \"2022-11-28T00:00:00+08:00\", to: \"2022-12-05T00:00:00+08:00\"";

    private String community;
    private String post;

    @BeforeEach
    void aCommunityWithAPost() {
        community = RosterFixtures.community();
        post = RosterFixtures.post(community, "CHECKPOINT", 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 6})
    void theRecursionThroughPostsAndShiftsIsRefusedAtAnyDepth(int levels) {
        // within the depth limit its cost refuses it (DutyPost.shifts counts 50), beyond it either limit does
        String query = "{ dutyPost(id: \"" + post + "\") { "
                + QueryShapes.recursion("shifts(" + WEEK + ")", "post", levels, "id") + " } }";
        refusedQuickly(query, Map.of(), Set.of("COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 8})
    void theRecursionThroughCommunitiesAndPostsIsRefusedOnceItCostsTooMuchOrIsTooDeep(int levels) {
        // Community.dutyPosts counts 10: at 3 and 4 levels it is estimated at 2,222 and 22,222 fields, which the
        // cost bound takes like any other query of that cost; from 5 levels its cost refuses it, from 6 its depth too
        String communities = "{ community(id: \"" + community + "\") { "
                + QueryShapes.recursion("dutyPosts", "community", levels, "id") + " } }";
        refusedQuickly(communities, Map.of(), Set.of("COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aCheapChainDeeperThanTheLimitIsRefusedByItsDepth(int beyond) {
        // orgUnit + parents + id: as deep as the limit plus beyond, and costing a field per level
        String chain = QueryShapes.chain("parent", maxDepth() - 2 + beyond, "id");
        refusedQuickly("{ orgUnit(id: \"" + community + "\") { " + chain + " } }", Map.of(), "DEPTH_LIMIT_EXCEEDED");
        String spread = QueryShapes.chainThroughFragments("OrgUnit", "parent", maxDepth() - 2 + beyond, "id",
                "orgUnit(id: \"" + community + "\") { ...C0 }");
        refusedQuickly(spread, Map.of(), "DEPTH_LIMIT_EXCEEDED");
    }

    @Test
    void aCheapChainAsDeepAsTheLimitAnswers() {
        String chain = QueryShapes.chain("parent", maxDepth() - 2, "id");
        GRAPHQL.post("{ orgUnit(id: \"" + community + "\") { " + chain + " } }", Map.of())
                .body("errors", nullValue()).body("data.orgUnit", notNullValue());
        String spread = QueryShapes.chainThroughFragments("OrgUnit", "parent", maxDepth() - 2, "id",
                "orgUnit(id: \"" + community + "\") { ...C0 }");
        GRAPHQL.post(spread, Map.of()).body("errors", nullValue()).body("data.orgUnit", notNullValue());
    }

    @Test
    void theRecursionWithinTheDepthLimitIsRefusedByItsCost() {
        String query = "{ dutyPost(id: \"" + post + "\") { "
                + QueryShapes.recursion("shifts(" + WEEK + ")", "post", 2, "shifts(" + WEEK + ") { id }") + " } }";
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 30, 40})
    void aFragmentBombIsRefusedBeforeValidation(int fragments) {
        String query = QueryShapes.fragmentBomb(fragments, "Query", "me { id }", "");
        assertTrue(query.length() < 1600, "about 1 KB: " + query.length());
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
        // anonymous too: the guard answers before any authorization is asked
        Refusals.refusedQuickly(RosterFixtures.ANONYMOUS, query, Map.of(), "COST_LIMIT_EXCEEDED", QUICKLY, PATIENCE);
    }

    @Test
    void aFragmentBombInsideAFieldIsRefusedToo() {
        String query = QueryShapes.fragmentBomb(30, "DutyPost", "name", "dutyPost(id: \"" + post + "\") { ...F0 }");
        refusedQuickly(query, Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void manyAliasesOfAnExpensiveFieldAreRefused() {
        refusedQuickly(QueryShapes.aliases(40, "community(id: \"" + community + "\") { volunteers(first: 500) {"
                + " name kinds community { name } } }"), Map.of(), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void aHugePageIsRefusedBeforeAnyWorkLiteralOrVariable() {
        refusedQuickly("{ community(id: \"" + community + "\") { volunteers(first: 1000000) { name } } }", Map.of(),
                "COST_LIMIT_EXCEEDED");
        refusedQuickly("query($c: ID!, $n: Int) { community(id: $c) { volunteers(first: $n) { name } } }",
                Map.of("c", community, "n", 100000), "COST_LIMIT_EXCEEDED");
    }

    @Test
    void theFederationBatchOfAGatewayIsCostedByItsRepresentations() {
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id"
                + " dutyPosts { name } onDutyNow { volunteer { name } } responsibleGrid { name } } } }";
        GRAPHQL.post(query, Map.of("r", areas(100))).body("errors", nullValue()).body("data._entities", hasSize(100));
        refusedQuickly(query, Map.of("r", areas(2000)), "COST_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ community(id: \"%s\") { name dutyPosts { name shifts(" + WEEK + ") { assignments { volunteer { name } } } } } }",
            // from a post, its community's posts and who is on them this week with their community: depth 8
            "{ dutyPost(id: \"%2$s\") { name community { name dutyPosts { name shifts(" + WEEK + ") { assignments {"
                    + " volunteer { name community { name } } } } } } } }",
            "{ community(id: \"%s\") { volunteers(first: 200) { name kinds community { name } } } }",
            "{ __schema { types { name fields { name type { ...T } } } } } fragment T on __Type { kind name"
                    + " ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }"})
    void theQueriesStaffAndTheGatewaySendStillAnswer(String query) {
        GRAPHQL.post(query.formatted(community, post), Map.of()).body("errors", nullValue()).body("data", notNullValue());
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

    private static List<Map<String, Object>> areas(int n) {
        List<Map<String, Object>> representations = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            representations.add(Map.of("__typename", "Area", "id", String.valueOf(900000 + i)));
        }
        return representations;
    }
}
