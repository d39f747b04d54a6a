package org.epicontrol.gateway.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A graphql-transport-ws client for tests (java.net.http): collects every message, answers the server's pings
 * unless told not to, and can stop reading altogether (a slow client: the socket's buffers fill up).
 */
public final class TransportWsTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicBoolean answerPings = new AtomicBoolean(true);
    private volatile String closeReason;
    private final WebSocket socket;

    private TransportWsTestClient(URI uri, String authorization) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    try {
                        Map<String, Object> m = JSON.readValue(text, MAP);
                        if ("ping".equals(m.get("type")) && answerPings.get()) {
                            ws.sendText("{\"type\":\"pong\"}", true);
                        } else {
                            messages.add(m);
                        }
                    } catch (Exception e) {
                        messages.add(Map.of("unparsable", text));
                    }
                }
                if (reading.get()) {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeReason = reason;
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.complete(-1);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** Connects to the gateway's {@code http://.../graphql} (as {@code ws://}); {@code authorization} may be null. */
    public static TransportWsTestClient connect(String graphqlUrl, String authorization) throws Exception {
        return new TransportWsTestClient(URI.create(graphqlUrl.replaceFirst("^http", "ws")), authorization);
    }

    public void send(Map<String, Object> message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    /** {@code connection_init} with the payload, and the answer ({@code connection_ack}, or null if closed). */
    public Map<String, Object> init(Map<String, Object> payload) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "connection_init");
        if (payload != null) {
            m.put("payload", payload);
        }
        send(m);
        return next(10);
    }

    public void subscribe(String id, String query) throws Exception {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    /** The next message (pings answered are not listed), or null after {@code seconds}. */
    public Map<String, Object> next(long seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    /** The close code the server sent (-1: the connection broke), or null if still open after {@code seconds}. */
    public Integer closeCode(long seconds) throws Exception {
        try {
            return closeCode.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    public String closeReason() {
        return closeReason;
    }

    /** Stops taking messages off the socket: the client becomes a slow one. */
    public void stopReading() {
        reading.set(false);
    }

    /** Reads again: whatever the server sent meanwhile arrives. */
    public void resumeReading() {
        reading.set(true);
        socket.request(Long.MAX_VALUE / 2);
    }

    public void ignorePings() {
        answerPings.set(false);
    }

    public int received() {
        return messages.size();
    }

    public java.util.List<Map<String, Object>> drain() {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
