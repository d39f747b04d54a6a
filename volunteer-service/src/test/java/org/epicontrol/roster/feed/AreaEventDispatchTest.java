package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AreaEventDispatchTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AreaEvent event = FakeNoticeFeed.event(7);

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private AreaEventHandler named(String name, Uni<Void> answer) {
        return e -> {
            calls.add(name + ":" + e.sequence());
            return answer;
        };
    }

    @Test
    void everyHandlerGetsTheEventOneAfterAnother() {
        new AreaEventDispatch(vertx, List.of(named("a", Uni.createFrom().voidItem()),
                named("b", Uni.createFrom().voidItem()))).handle(event).await().atMost(Duration.ofSeconds(30));

        assertEquals(List.of("a:7", "b:7"), calls);
    }

    @Test
    void theFirstFailureStopsTheEventAndNamesTheHandler() {
        IllegalStateException cause = new IllegalStateException("no community");
        AreaEventDispatch dispatch = new AreaEventDispatch(vertx, List.of(named("a", Uni.createFrom().failure(cause)),
                named("b", Uni.createFrom().voidItem())));

        HandlerFailed failed = assertThrows(HandlerFailed.class,
                () -> dispatch.handle(event).await().atMost(Duration.ofSeconds(30)));

        assertEquals(List.of("a:7"), calls, "the handlers after the failing one are not called");
        assertSame(event, failed.event());
        assertSame(cause, failed.getCause());
        assertTrue(failed.handler().startsWith("AreaEventDispatchTest"), failed.handler());
    }

    @Test
    void aHandlerThatThrowsOrAnswersNoUniFailsTheEvent() {
        AreaEventHandler throwing = e -> {
            throw new IllegalArgumentException("bad area");
        };
        AreaEventHandler answeringNull = e -> null;

        assertThrows(HandlerFailed.class, () -> new AreaEventDispatch(vertx, List.of(throwing)).handle(event)
                .await().atMost(Duration.ofSeconds(30)));
        assertThrows(HandlerFailed.class, () -> new AreaEventDispatch(vertx, List.of(answeringNull)).handle(event)
                .await().atMost(Duration.ofSeconds(30)));
    }
}
