package org.epicontrol.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header per caller and outcome, and the cap at the effective-date boundary. */
class CachePolicyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String COUNTS = "query C { riskCounts { count } }";
    private final CacheRules rules = new CacheRules(Map.of("riskCounts", Duration.ofSeconds(60)),
            Duration.ofSeconds(45));

    private static CachePolicy at(CacheRules rules, ZoneId zone, String instant) {
        return new CachePolicy(rules, zone, Clock.fixed(Instant.parse(instant), ZoneId.of("UTC")), 10);
    }

    @Test
    void anAnonymousAnswerToAPublicOperationIsPublic() {
        assertEquals("public, max-age=45", at(rules, null, "2026-12-07T20:00:00Z").cacheControl(COUNTS, "C", false,
                true));
    }

    @Test
    void signedInAnswersArePrivateAndErrorsAreNotStored() {
        CachePolicy policy = at(rules, null, "2026-12-07T20:00:00Z");
        assertEquals(CachePolicy.PRIVATE, policy.cacheControl(COUNTS, "C", true, true));
        assertEquals(CachePolicy.NO_STORE, policy.cacheControl(COUNTS, "C", false, false));
        assertEquals(CachePolicy.NO_STORE, policy.cacheControl(null, null, false, true));
        assertEquals(CachePolicy.NO_STORE, policy.cacheControl("query { me { id } }", null, false, true));
    }

    @Test
    void theOperationNamePicksTheOperationJudged() {
        String two = "query Me { me { id } } query C { riskCounts { count } }";
        CachePolicy policy = at(rules, null, "2026-12-07T20:00:00Z");
        assertEquals("public, max-age=45", policy.cacheControl(two, "C", false, true));
        assertEquals(CachePolicy.NO_STORE, policy.cacheControl(two, "Me", false, true));
    }

    @Test
    void theMaxAgeEndsAtTheNextMidnightOfTheEffectiveDateZone() {
        // 15:59:40 UTC is 23:59:40 in Shanghai: 20 s until "today" is another day
        assertEquals("public, max-age=20", at(rules, SHANGHAI, "2026-12-07T15:59:40Z").cacheControl(COUNTS, "C",
                false, true));
        assertEquals("public, max-age=0", at(rules, SHANGHAI, "2026-12-07T15:59:59.500Z").cacheControl(COUNTS,
                "C", false, true));
        // far from midnight the configured age stands
        assertEquals("public, max-age=45", at(rules, SHANGHAI, "2026-12-07T16:00:00Z").cacheControl(COUNTS, "C",
                false, true));
    }
}
