package org.epicontrol.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on with Quarkus' default of not trusting X-Forwarded-For: every anonymous test request comes from
 * 127.0.0.1, 2 at once, then one per 2 s.
 */
@QuarkusTest
@TestProfile(RateLimitWithoutTrustedProxyTest.Limited.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class RateLimitWithoutTrustedProxyTest {
    private static int forged;

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.enabled", "true",
                    "gateway.rate-limit.anonymous.requests-per-second", "0.5",
                    "gateway.rate-limit.anonymous.burst", "2");
        }
    }

    /** A request naming a new address each time in X-Forwarded-For. */
    private static Response send() {
        return given().header("X-Forwarded-For", "192.0.2." + (++forged % 250)).contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { name } }")).post("/graphql");
    }

    /** Sends until refused (a forged address never buys a fresh bucket); returns the refusal's Retry-After. */
    private static int untilRefused() {
        for (int i = 0; i < 20; i++) {
            Response r = send();
            if (r.statusCode() == 429) {
                r.then().body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
                return Integer.parseInt(r.header("Retry-After"));
            }
            r.then().statusCode(200);
        }
        return fail("20 requests from one address, each naming another in X-Forwarded-For, were all admitted");
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheLimitAndTheBucketRefillsAfterRetryAfter() throws InterruptedException {
        int retryAfter = untilRefused();
        if (retryAfter < 1 || retryAfter > 2) {
            fail("Retry-After " + retryAfter + " for one token per 2 s");
        }
        Thread.sleep(retryAfter * 1000L + 100);
        send().then().statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        untilRefused();
    }
}
