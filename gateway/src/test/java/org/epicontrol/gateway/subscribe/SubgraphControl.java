package org.epicontrol.gateway.subscribe;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.function.IntPredicate;

/** Drives the streaming test subgraph over its control endpoints and waits for what it reports. */
final class SubgraphControl {
    private final String base;

    SubgraphControl(String base) {
        this.base = base;
    }

    void publish(String data, int times) {
        given().contentType(ContentType.JSON).body(data).post(base + "/publish?times=" + times).then()
                .statusCode(200);
    }

    void publish(String data) {
        publish(data, 1);
    }

    /** Every socket closed: the subgraph goes away. */
    void goAway() {
        given().post(base + "/end").then().statusCode(200);
    }

    void completeAll() {
        given().post(base + "/complete").then().statusCode(200);
    }

    Map<String, Object> stats() {
        return given().get(base + "/stats").then().statusCode(200).extract().jsonPath().getMap("");
    }

    int subscriptions() {
        return ((Number) stats().get("subscriptions")).intValue();
    }

    /** Waits (up to 10 s) until the subgraph's open subscriptions satisfy {@code test}; answers the last count. */
    int awaitSubscriptions(IntPredicate test) throws InterruptedException {
        int n = subscriptions();
        for (int i = 0; i < 200 && !test.test(n); i++) {
            Thread.sleep(50);
            n = subscriptions();
        }
        return n;
    }
}
