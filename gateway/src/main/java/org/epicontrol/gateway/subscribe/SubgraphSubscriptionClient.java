package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.jboss.logging.Logger;

/**
 * Subscribes to a subgraph over graphql-transport-ws at its GraphQL URL (SmallRye GraphQL serves it on the same
 * {@code /graphql}): the forwarded headers go into the upgrade request and into {@code connection_init}'s payload,
 * then one {@code subscribe}. Every way the subgraph can end it (complete, error, a closed socket, no connection)
 * reaches the listener exactly once.
 */
public final class SubgraphSubscriptionClient implements AutoCloseable {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Logger LOG = Logger.getLogger(SubgraphSubscriptionClient.class);
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration ackTimeout;

    public SubgraphSubscriptionClient(Vertx vertx, ObjectMapper mapper, Duration ackTimeout) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES)
                .setMaxWebSocketFrameSize(MAX_MESSAGE_BYTES)
                .setMaxWebSockets(Integer.MAX_VALUE)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, ackTimeout.toMillis())));
        this.mapper = mapper;
        this.ackTimeout = ackTimeout;
    }

    /** What the subgraph sends for one subscription. */
    public interface Listener {
        void next(Map<String, Object> payload);

        /** The end with errors (the subgraph's own, or why the connection ended). */
        void error(List<Map<String, Object>> errors);

        void complete();
    }

    /** An open (or opening) subgraph subscription. */
    public interface Upstream {
        /** Ends it: {@code complete} to the subgraph, socket closed; the listener hears nothing more. */
        void cancel();
    }

    public Upstream subscribe(Subgraph subgraph, SubgraphRequest request, Listener listener) {
        Connection connection = new Connection(subgraph, request, listener);
        connection.open();
        return connection;
    }

    @Override
    public void close() {
        http.close();
    }

    /** {@code http(s)://host/graphql} as {@code ws(s)://host/graphql}: the same path serves graphql-transport-ws. */
    static String webSocketUrl(String url) {
        if (url.regionMatches(true, 0, "https:", 0, 6)) {
            return "wss:" + url.substring(6);
        }
        return url.regionMatches(true, 0, "http:", 0, 5) ? "ws:" + url.substring(5) : url;
    }

    private final class Connection implements Upstream {
        private final Subgraph subgraph;
        private final SubgraphRequest request;
        private final Listener listener;
        private WebSocket socket;
        private boolean ended;

        Connection(Subgraph subgraph, SubgraphRequest request, Listener listener) {
            this.subgraph = subgraph;
            this.request = request;
            this.listener = listener;
        }

        void open() {
            WebSocketConnectOptions options;
            try {
                options = new WebSocketConnectOptions()
                        .setAbsoluteURI(webSocketUrl(subgraph.url()))
                        .addSubProtocol(TransportWs.SUBPROTOCOL)
                        .setTimeout(ackTimeout.toMillis());
            } catch (IllegalArgumentException e) {
                fail("subgraph '" + subgraph.name() + "' has no usable URL for subscriptions: " + e.getMessage(),
                        "SUBREQUEST_HTTP_ERROR");
                return;
            }
            request.headers().forEach(options::addHeader);
            http.webSocket(options).onComplete(ar -> {
                if (ar.failed()) {
                    fail("subscription to subgraph '" + subgraph.name() + "' failed: " + ar.cause().getMessage(),
                            "SUBREQUEST_HTTP_ERROR");
                    return;
                }
                WebSocket ws = ar.result();
                synchronized (this) {
                    socket = ws;
                    if (ended) {
                        ws.close();
                        return;
                    }
                }
                ws.textMessageHandler(this::received);
                ws.exceptionHandler(e -> { });
                ws.closeHandler(v -> fail("subgraph '" + subgraph.name() + "' closed the subscription ("
                        + ws.closeStatusCode() + (ws.closeReason() == null ? "" : " " + ws.closeReason()) + ")",
                        "SUBSCRIPTION_SUBGRAPH_CLOSED"));
                Map<String, Object> init = new LinkedHashMap<>();
                init.put("type", TransportWs.CONNECTION_INIT);
                init.put("payload", new LinkedHashMap<>(request.headers()));
                send(ws, init);
            });
        }

        private void received(String text) {
            Map<String, Object> message;
            try {
                message = mapper.readValue(text, MAP);
            } catch (Exception e) {
                fail("subgraph '" + subgraph.name() + "' sent an invalid message", "SUBSCRIPTION_SUBGRAPH_PROTOCOL");
                return;
            }
            Object type = message.get("type");
            if (TransportWs.CONNECTION_ACK.equals(type)) {
                Map<String, Object> subscribe = new LinkedHashMap<>();
                subscribe.put("id", "1");
                subscribe.put("type", TransportWs.SUBSCRIBE);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("query", request.query());
                if (request.operationName() != null) {
                    payload.put("operationName", request.operationName());
                }
                payload.put("variables", request.variables());
                subscribe.put("payload", payload);
                send(socket, subscribe);
            } else if (TransportWs.PING.equals(type)) {
                send(socket, Map.of("type", TransportWs.PONG));
            } else if (TransportWs.NEXT.equals(type) && message.get("payload") instanceof Map<?, ?> payload) {
                if (!isEnded()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> p = (Map<String, Object>) payload;
                    listener.next(p);
                }
            } else if (TransportWs.ERROR.equals(type)) {
                List<Map<String, Object>> errors = new java.util.ArrayList<>();
                if (message.get("payload") instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof Map<?, ?> m) {
                            Map<String, Object> e = Errors.error(String.valueOf(m.get("message")), null, null,
                                    subgraph.name());
                            errors.add(e);
                        }
                    }
                }
                if (errors.isEmpty()) {
                    errors.add(Errors.error("subgraph '" + subgraph.name() + "' refused the subscription", null,
                            "SUBSCRIPTION_SUBGRAPH_ERROR", subgraph.name()));
                }
                end(() -> listener.error(errors));
            } else if (TransportWs.COMPLETE.equals(type)) {
                end(listener::complete);
            }
        }

        private void fail(String message, String code) {
            LOG.debugf("subscription of subgraph %s ended: %s", subgraph.name(), message);
            end(() -> listener.error(List.of(Errors.error(message, null, code, subgraph.name()))));
        }

        /** Runs {@code last} if nothing ended the subscription before, and closes the socket. */
        private void end(Runnable last) {
            if (endSocket(false)) {
                last.run();
            }
        }

        private synchronized boolean isEnded() {
            return ended;
        }

        @Override
        public void cancel() {
            endSocket(true);
        }

        /** Marks the subscription ended and closes its socket ({@code complete} first if asked); false if it was. */
        private boolean endSocket(boolean sendComplete) {
            WebSocket ws;
            synchronized (this) {
                if (ended) {
                    return false;
                }
                ended = true;
                ws = socket;
            }
            if (ws != null && !ws.isClosed()) {
                if (sendComplete) {
                    send(ws, Map.of("id", "1", "type", TransportWs.COMPLETE));
                }
                ws.close();
            }
            return true;
        }

        private void send(WebSocket ws, Map<String, Object> message) {
            try {
                ws.writeTextMessage(mapper.writeValueAsString(message));
            } catch (Exception e) {
                fail("could not write to subgraph '" + subgraph.name() + "': " + e.getMessage(),
                        "SUBREQUEST_HTTP_ERROR");
            }
        }
    }
}
