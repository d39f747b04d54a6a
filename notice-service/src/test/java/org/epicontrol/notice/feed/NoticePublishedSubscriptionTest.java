package org.epicontrol.notice.feed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLSubscription;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NoticePublishedSubscriptionTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void anImportedNoticeIsPushedWhenPublishedNotWhileADraft() throws Exception {
        try (GraphQLSubscription published = GraphQLSubscription.open(graphql, null,
                "subscription { noticePublished { number issuer } }")) {
            String text = Notices.synthetic(6194, 12, 20, "迎泽区", "HIGH", "订阅测试小区");
            String id = Notices.importDraft(text, 2022).getString("notice.id");
            assertNull(published.next(1), "a draft is announced to nobody");
            Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
            String next = published.next(10);
            assertNotNull(next, "no notice pushed");
            assertTrue(next.contains("\"number\":6194"), next);
        }
    }

    @Test
    void aPushedNoticeAnswersItsDesignationsAreasOutsideAnyRequest() throws Exception {
        try (GraphQLSubscription published = GraphQLSubscription.open(graphql, null,
                "subscription { noticePublished { number designations { text areas { name } } } }")) {
            String text = Notices.synthetic(6195, 12, 21, "迎泽区", "HIGH", "订阅区域小区");
            String id = Notices.importDraft(text, 2022).getString("notice.id");
            Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
            String next = published.next(10);
            assertNotNull(next, "no notice pushed");
            assertTrue(next.contains("\"number\":6195"), next);
            assertTrue(next.contains("订阅区域小区"), "the designation's areas are in the event: " + next);
            assertFalse(next.contains("\"errors\""), next);
        }
    }
}
