package org.epicontrol.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.AccessSupergraphs;
import org.junit.jupiter.api.Test;

class AccessDirectivesReaderTest {

    @Test
    void fieldsCarryTheirOwnAndTheirTypesRequirements() {
        AccessRequirements access = OperationFilterTest.SHOP.access();
        assertTrue(access.field("Query", "me").authenticated());
        assertEquals(List.of(List.of(Set.of("read:username"))), access.field("User", "username").scopeClauses());
        assertEquals(Set.of("product:price"), access.field("Product", "price").policyNames());
        // Review's own requirement reaches every field returning a Review, and every field of Review.
        List<List<Set<String>>> reviews = List.of(List.of(Set.of("read:reviews"), Set.of("admin")));
        assertEquals(reviews, access.field("Product", "reviews").scopeClauses());
        assertEquals(reviews, access.field("Review", "body").scopeClauses());
        assertTrue(access.field("Product", "name").isNone());
        assertEquals(Set.of("product:price"), access.policies());
    }

    @Test
    void theDirectivesStayOutOfTheApiSchema() {
        Supergraph shop = OperationFilterTest.SHOP;
        assertTrue(shop.apiSchema().getDirective("requiresScopes") == null);
        assertTrue(shop.apiSchema().getType("policy__Policy") == null);
    }

    @Test
    void renamedImportsAreReadUnderTheirLocalNames() {
        String sdl = AccessSupergraphs.supergraph(org.epicontrol.gateway.testing.Supergraphs.SHOP
                .replace("me: User @join__field(graph: ACCOUNTS)", "me: User @signedIn @join__field(graph: ACCOUNTS)"))
                .replace("@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)",
                        "@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY, "
                                + "import: [{name: \"@authenticated\", as: \"@signedIn\"}])")
                .replace("directive @authenticated on", "directive @signedIn on");
        AccessRequirements access = SupergraphParser.parse(sdl).access();
        assertTrue(access.field("Query", "me").authenticated());
        assertFalse(access.isEmpty());
    }
}
