package org.epicontrol.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One GraphQL subscription over a real websocket (graphql-transport-ws, as SmallRye GraphQL serves it on
 * {@code /graphql}): connects (with a bearer token in the upgrade request, or anonymously), subscribes, and collects
 * what the server pushes.
 */
public final class GraphQLSubscription implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> control;
    private final BlockingQueue<String> pushed;

    private GraphQLSubscription(WebSocket socket, BlockingQueue<String> control, BlockingQueue<String> pushed) {
        this.socket = socket;
        this.control = control;
        this.pushed = pushed;
    }

    /**
     * Subscribes with {@code query} at the service's {@code graphql} HTTP address; {@code bearerToken} null for
     * anonymous. Answers once the server acknowledged the connection and had a moment to register the subscription.
     */
    public static GraphQLSubscription open(URI graphql, String bearerToken, String query) throws Exception {
        BlockingQueue<String> control = new LinkedBlockingQueue<>();
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        WebSocket socket = builder.buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            boolean result = message.contains("\"next\"") || message.contains("\"error\"");
                            (result ? pushed : control).add(message);
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).get();
        String ack = control.poll(10, TimeUnit.SECONDS);
        if (ack == null || !ack.contains("connection_ack")) {
            socket.abort();
            throw new AssertionError("no connection_ack: " + ack);
        }
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + escaped(query) + "\"}}", true)
                .get();
        // the server registers the subscription asynchronously; events before that are not for this subscriber
        Thread.sleep(500);
        return new GraphQLSubscription(socket, control, pushed);
    }

    /** The next message pushed for the subscription ({@code next} or {@code error}), or null after the wait. */
    public String next(long seconds) throws InterruptedException {
        return pushed.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
