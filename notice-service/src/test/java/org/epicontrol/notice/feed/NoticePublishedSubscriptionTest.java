package org.epicontrol.notice.feed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NoticePublishedSubscriptionTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void anImportedNoticeIsPushedWhenPublishedNotWhileADraft() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(ws, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"connection_init\"}", true).get();
            String ack = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(ack);
            assertTrue(ack.contains("connection_ack"), ack);
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { noticePublished { number issuer } }\"}}", true).get();
            // Give the server a moment to register the subscription before the notice is published.
            Thread.sleep(300);
            String text = Notices.synthetic(6194, 12, 20, "迎泽区", "HIGH", "订阅测试小区");
            String id = Notices.importDraft(text, 2022).getString("notice.id");
            assertNull(messages.poll(1, TimeUnit.SECONDS), "a draft is announced to nobody");
            Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
            String next = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "no notice pushed");
            assertTrue(next.contains("\"number\":6194"), next);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
