package org.epicontrol.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shortcut of the access gate: a caller who holds every requirement met gets exactly what the full walk gives. */
class RequirementsMetTest {
    private static final List<String> SHOP_QUERIES = List.of(
            "{ me { name } topProducts { name } }",
            "{ me { __typename username } }",
            "{ topProducts { name price } }",
            "query Q($id: ID!, $n: Int) { user(id: $id) { username } topProducts(first: $n) { name } }",
            "{ topProducts { name } }",
            "{ topProducts { reviews { body } } }",
            "{ ...F } fragment F on Query { me { username } }");
    private static final List<String> MEDIA_QUERIES = List.of(
            "{ media { id title } }",
            "{ search { ... on Book { pages } ... on Movie { title duration } } }");
    private static final List<Caller> CALLERS = List.of(Caller.ANONYMOUS, OperationFilterTest.SIGNED_IN,
            OperationFilterTest.withScopes("read:reviews"), OperationFilterTest.withScopes("read:username"),
            OperationFilterTest.withScopes("admin"));
    private static final List<Map<String, PolicyDecision>> POLICIES = List.of(Map.of(),
            Map.of("product:price", PolicyDecision.GRANTED, "books", PolicyDecision.GRANTED),
            Map.of("product:price", PolicyDecision.DENIED, "books", PolicyDecision.DENIED),
            Map.of("product:price", PolicyDecision.UNAVAILABLE));

    @Test
    void holdingEveryRequirementMetIsExactlyWhenTheWalkRemovesNothing() {
        int shortcuts = 0;
        int walks = 0;
        for (var entry : Map.of(OperationFilterTest.SHOP, SHOP_QUERIES, OperationFilterTest.MEDIA, MEDIA_QUERIES)
                .entrySet()) {
            for (String query : entry.getValue()) {
                OperationFilterTest.Parsed p = OperationFilterTest.parse(query);
                RequirementsMet met = RequirementsMet.of(entry.getKey(), p.op(), p.fragments());
                for (Caller caller : CALLERS) {
                    for (Map<String, PolicyDecision> policies : POLICIES) {
                        Grants grants = new Grants(caller, policies::get);
                        boolean shortcut = met.allAllowed(grants);
                        OperationFilter.Result full = new OperationFilter(entry.getKey().apiSchema(),
                                entry.getKey().access(), p.fragments(), new Grants(caller, policies::get))
                                .filter(p.op());
                        String where = query + " for " + caller + " with " + policies;
                        assertEquals(full.unchanged(), shortcut, where);
                        if (shortcut) {
                            shortcuts++;
                        } else {
                            walks++;
                        }
                    }
                }
            }
        }
        assertTrue(shortcuts > 0 && walks > 0, "both cases are exercised: " + shortcuts + " / " + walks);
    }

    @Test
    void onlyTheRequirementsTheOperationMeetsAreKept() {
        OperationFilterTest.Parsed p = OperationFilterTest.parse("{ topProducts { name } }");
        assertEquals(List.of(), RequirementsMet.of(OperationFilterTest.SHOP, p.op(), p.fragments()).requirements());
        OperationFilterTest.Parsed me = OperationFilterTest.parse("{ me { name } topProducts { name } }");
        assertTrue(RequirementsMet.of(OperationFilterTest.SHOP, me.op(), me.fragments()).requirements()
                .contains(Requirement.authenticatedOnly()));
    }
}
