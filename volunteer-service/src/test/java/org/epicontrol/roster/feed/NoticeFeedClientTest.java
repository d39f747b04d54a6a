package org.epicontrol.roster.feed;

import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeFeedClientTest {

    private Vertx vertx;
    private FakeNoticeFeed feed;
    private NoticeFeedClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        feed = FakeNoticeFeed.start();
        client = new NoticeFeedClient(vertx, feed.url(), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        client.close();
        feed.close();
        vertx.closeAndAwait();
    }

    @Test
    void aPageIsReadIntoAreaEventsWithEveryField() {
        List<AreaEvent> published = feed.publish(3);

        AreaEventPage page = client.read(0, 10).await().indefinitely();

        assertEquals(published, page.events());
        assertFalse(page.hasMore());
    }

    @Test
    void theFirstReadStartsAtTheBeginningAndLaterReadsSendThePositionAsADecimalId() {
        List<AreaEvent> published = feed.publish(5);

        AreaEventPage first = client.read(0, 2).await().indefinitely();
        AreaEventPage second = client.read(first.events().get(1).sequence(), 2).await().indefinitely();

        assertTrue(first.hasMore());
        assertEquals(published.subList(2, 4), second.events());
        assertEquals(List.of(new FakeNoticeFeed.Read(null, 2),
                new FakeNoticeFeed.Read(Long.toString(published.get(1).sequence()), 2)), feed.reads());
    }

    @Test
    void aCancellationWithoutLevelsIsRead() {
        AreaEvent cancelled = new AreaEvent(41, AreaEventKind.CANCELLED, "area-9", List.of("city", "area-9"), "小店区",
                "太原市小店区晋阳紫城", null, null, FakeNoticeFeed.event(41).effectiveDate(), "notice-194", 194,
                FakeNoticeFeed.event(41).occurredAt());

        assertEquals(cancelled, AreaEventJson.page(200, "{\"data\":{\"areaEvents\":{\"events\":["
                + FakeNoticeFeed.json(cancelled).encode() + "],\"endCursor\":\"41\",\"hasMore\":false}}}").events().get(0));
    }

    @Test
    void graphQLErrorsAreAFeedFailure() {
        feed.answerErrors(true);

        FeedUnavailable failure = assertThrows(FeedUnavailable.class, () -> client.read(0, 10).await().indefinitely());
        assertTrue(failure.getMessage().contains("areaEvents"), failure.getMessage());
    }

    @Test
    void anAnswerThatIsNotAGraphQLResponseIsAFeedFailure() {
        assertThrows(FeedUnavailable.class, () -> AreaEventJson.page(502, "<html>Bad Gateway</html>"));
        assertThrows(FeedUnavailable.class, () -> AreaEventJson.page(200, "{\"data\":null}"));
        // an event that breaks the contract (no sequence) is not guessed at
        assertThrows(FeedUnavailable.class, () -> AreaEventJson.page(200,
                "{\"data\":{\"areaEvents\":{\"events\":[{\"kind\":\"DESIGNATED\"}],\"hasMore\":false}}}"));
    }

    @Test
    void anUnreachableFeedIsAFeedFailure() {
        feed.down();

        assertThrows(FeedUnavailable.class, () -> client.read(0, 10).await().indefinitely());
    }
}
