package org.epicontrol.notice.replica;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without notices.read-replica.url (the default): no replica pool, the public look-ups read the primary. */
@QuarkusTest
class NoReadReplicaTest {

    @Inject
    ReadReplica replica;

    @Test
    void withoutAUrlThereIsNoReplicaPoolAndReadinessSaysPrimary() {
        assertFalse(replica.configured());
        assertTrue(replica.pool().isEmpty());
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Read replica' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Read replica' }.data.configured", equalTo(false))
                .body("checks.find { it.name == 'Read replica' }.data.public-reads", equalTo("primary"));
    }
}
