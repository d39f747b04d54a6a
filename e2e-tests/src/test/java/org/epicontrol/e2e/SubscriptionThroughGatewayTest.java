package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.testsupport.GraphQLSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's federated subscription end to end: a staff member subscribes to notice-service's {@code noticePublished}
 * through the real gateway (graphql-transport-ws, the Keycloak token on the upgrade request), asking for fields of the
 * notice's areas that volunteer-service resolves; a notice imported by {@code editor} and published by {@code
 * publisher} through the gateway arrives with those fields.
 */
@ExtendWith(SuiteExtension.class)
class SubscriptionThroughGatewayTest {
    /** A place of 小店区 no unit of the organisation covers: publishing it opens no response anywhere. */
    private static final String UNCOVERED = "实地太原紫藤公馆2号楼";
    private static final String SUBSCRIPTION = """
            subscription { noticePublished { id number designations { text areas { fullName
              responsibleGrid { name } dutyPosts { name } } } } }""";

    private final RunningSuite suite;

    SubscriptionThroughGatewayTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void publishedNoticeArrivesWithTheFieldsVolunteerServiceResolves() throws Exception {
        try (GraphQLSubscription subscription = GraphQLSubscription.open(URI.create(suite.gatewayUrl()),
                suite.token("officer"), SUBSCRIPTION)) {
            int entityFetchesBefore = suite.proxy("volunteers").requests();
            TestNotices.Notice notice = TestNotices.publish(suite, TestNotices.HIGH, 9481, List.of(UNCOVERED));

            String message = subscription.next(60);
            assertNotNull(message, "no event arrived through the gateway");
            JsonPath event = JsonPath.from(message);
            assertEquals("next", event.getString("type"), message);
            assertNull(event.get("payload.errors"), message);
            assertEquals(notice.id(), event.getString("payload.data.noticePublished.id"), message);
            assertEquals(9481, event.getInt("payload.data.noticePublished.number"), message);
            Map<String, Object> area = event.getMap("payload.data.noticePublished.designations[0].areas[0]");
            assertTrue(((String) area.get("fullName")).endsWith(UNCOVERED), message);
            // volunteer-service's fields, resolved by the gateway with an _entities request for the event
            assertTrue(area.containsKey("responsibleGrid"), message);
            assertNull(area.get("responsibleGrid"), message);
            assertEquals(List.of(), area.get("dutyPosts"), message);
            assertTrue(suite.proxy("volunteers").requests() > entityFetchesBefore,
                    "the event's volunteer-service fields were not fetched from volunteer-service");
        }
    }
}
