package org.epicontrol.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which operations are public and for how long: every root field listed, the least age, the cap. */
class CacheRulesTest {
    private final CacheRules rules = new CacheRules(Map.of("riskLevel", Duration.ofSeconds(60),
            "riskCounts", Duration.ofSeconds(20), "riskAreas", Duration.ofMinutes(10), "off", Duration.ZERO),
            Duration.ofSeconds(30));

    private long age(String document) {
        Document d = Parser.parse(document);
        OperationDefinition op = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> def : d.getDefinitions()) {
            if (def instanceof OperationDefinition o) {
                op = o;
            } else if (def instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        return rules.maxAgeSeconds(op, fragments);
    }

    @Test
    void aListedRootFieldIsPublicForItsAgeUnderTheCap() {
        assertEquals(20, age("{ riskCounts { count } }"));
        assertEquals(30, age("{ riskLevel(address: \"x\") { level { code } } }"));
        assertEquals(30, age("{ riskAreas { edges { node { id } } } }"));
    }

    @Test
    void severalListedRootFieldsTakeTheLeastAge() {
        assertEquals(20, age("{ riskLevel(address: \"x\") { level { code } } c: riskCounts { count } }"));
    }

    @Test
    void oneUnlistedRootFieldMakesTheWholeOperationUncacheable() {
        assertEquals(CacheRules.NONE, age("{ riskCounts { count } me { name } }"));
        assertEquals(CacheRules.NONE, age("{ off }"));
        assertEquals(CacheRules.NONE, age("{ __schema { types { name } } }"));
    }

    @Test
    void fragmentsAndInlineFragmentsAreFollowed() {
        assertEquals(20, age("query { ...F } fragment F on Query { riskCounts { count } }"));
        assertEquals(CacheRules.NONE, age("query { ...F riskCounts { count } } fragment F on Query { me { id } }"));
        assertEquals(CacheRules.NONE, age("query { ... on Query { me { id } } riskCounts { count } }"));
        assertEquals(CacheRules.NONE, age("query { ... @skip(if: true) { me { id } } riskCounts { count } }"));
    }

    @Test
    void typenameIsNeutralButNotEnoughAlone() {
        assertEquals(20, age("{ __typename riskCounts { count } }"));
        assertEquals(CacheRules.NONE, age("{ __typename }"));
    }

    @Test
    void mutationsAndSubscriptionsAreNeverPublic() {
        assertEquals(CacheRules.NONE, age("mutation { riskCounts { count } }"));
        assertEquals(CacheRules.NONE, age("subscription { riskCounts { count } }"));
    }

    @Test
    void aZeroCapMakesNothingPublic() {
        CacheRules off = new CacheRules(Map.of("riskCounts", Duration.ofSeconds(20)), Duration.ZERO);
        assertEquals(CacheRules.NONE, off.maxAgeSeconds((OperationDefinition) Parser.parse("{ riskCounts { count } }")
                .getDefinitions().get(0), Map.of()));
    }
}
