package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.OperationDefinition;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.request.Admission;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.supergraph.SupergraphSource;
import org.jboss.logging.Logger;

/**
 * One client's graphql-transport-ws connection: {@code connection_init} within the init timeout, its token checked
 * as on HTTP (refused: close 4403) and the connection closed with 4403 when the token expires; {@code subscribe}
 * messages admitted like HTTP requests ({@link SubscribeGate}) and run (subscriptions by {@link
 * SubscriptionExecutor}, queries and mutations once: {@code next} then {@code complete}); pings answered and sent
 * (no pong before the next ping: close 4408); a client that leaves more than {@code max-pending-messages} unread is
 * dropped (close 4500), its subscriptions cancelled.
 */
final class TransportWsConnection {
    private static final Logger LOG = Logger.getLogger(TransportWsConnection.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final SubscriptionExecutor.Subscription STARTING = () -> { };

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final GatewayConfig.Subscriptions settings;
    private final Collaborators with;
    private final Map<String, String> upgradeHeaders;
    private final String address;
    private final Runnable onClose;
    private final Outbox outbox;
    private final Map<String, SubscriptionExecutor.Subscription> subscriptions = new ConcurrentHashMap<>();
    private Context context;
    private Caller caller;
    private Map<String, String> forwarded;
    private boolean initReceived;
    private volatile boolean acknowledged;
    private volatile boolean closed;
    private boolean awaitingPong;
    private long initTimer = -1;
    private long pingTimer = -1;
    private long expiryTimer = -1;

    /** The gateway's shared parts a connection uses. */
    record Collaborators(SupergraphSource source, SubscribeGate gate, SubscriptionExecutor executor,
                         TokenVerifier verifier, ObjectMapper mapper) {
    }

    TransportWsConnection(Vertx vertx, ServerWebSocket ws, GatewayConfig.Subscriptions settings, Collaborators with,
                          Caller upgradeCaller, Map<String, String> upgradeHeaders, String address,
                          Runnable onClose) {
        this.vertx = vertx;
        this.ws = ws;
        this.settings = settings;
        this.with = with;
        this.caller = upgradeCaller;
        this.upgradeHeaders = upgradeHeaders;
        this.address = address;
        this.onClose = onClose;
        this.outbox = new Outbox(settings.maxPendingMessages());
    }

    void start() {
        context = vertx.getOrCreateContext();
        ws.textMessageHandler(this::received);
        ws.binaryMessageHandler(b -> close(TransportWs.BAD_REQUEST, "Invalid message received"));
        ws.exceptionHandler(e -> LOG.debugf("subscription connection failed: %s", e.getMessage()));
        ws.closeHandler(v -> closed());
        initTimer = vertx.setTimer(Math.max(1, settings.connectionInitTimeout().toMillis()), t -> {
            if (!initReceived) {
                close(TransportWs.TIMEOUT, "Connection initialisation timeout");
            }
        });
    }

    private void received(String text) {
        Map<String, Object> message;
        try {
            message = with.mapper().readValue(text, MAP);
        } catch (Exception e) {
            close(TransportWs.BAD_REQUEST, "Invalid message received");
            return;
        }
        Object type = message.get("type");
        if (TransportWs.CONNECTION_INIT.equals(type)) {
            init(message.get("payload"));
        } else if (TransportWs.PING.equals(type)) {
            send(message.get("payload") instanceof Map<?, ?> p ? Map.of("type", TransportWs.PONG, "payload", p)
                    : Map.of("type", TransportWs.PONG));
        } else if (TransportWs.PONG.equals(type)) {
            awaitingPong = false;
        } else if (TransportWs.SUBSCRIBE.equals(type)) {
            subscribe(message);
        } else if (TransportWs.COMPLETE.equals(type) && message.get("id") instanceof String id) {
            SubscriptionExecutor.Subscription s = subscriptions.remove(id);
            if (s != null) {
                s.cancel();
            }
        } else {
            close(TransportWs.BAD_REQUEST, "Invalid message received");
        }
    }

    private void init(Object payload) {
        if (initReceived) {
            close(TransportWs.TOO_MANY_INIT, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        vertx.cancelTimer(initTimer);
        String token = null;
        if (payload instanceof Map<?, ?> p) {
            token = Caller.token(p.get("Authorization") != null ? p.get("Authorization") : p.get("authorization"));
        }
        if (token == null) {
            accept(caller);
            return;
        }
        // back on the connection's context: its timers and state belong there
        with.verifier().verify(token).onComplete(ar -> context.runOnContext(v -> {
            if (ar.failed()) {
                close(TransportWs.FORBIDDEN, "Forbidden: the token was refused");
            } else {
                accept(ar.result());
            }
        }));
    }

    private void accept(Caller verified) {
        if (closed) {
            return;
        }
        caller = verified;
        forwarded = new LinkedHashMap<>(upgradeHeaders);
        if (verified.bearerToken() != null) {
            forwarded.keySet().removeIf(k -> k.equalsIgnoreCase("authorization"));
            forwarded.put("Authorization", "Bearer " + verified.bearerToken());
        }
        if (verified.expiresAt() != null) {
            long left = Duration.between(Instant.now(), verified.expiresAt()).toMillis();
            if (left <= 0) {
                close(TransportWs.FORBIDDEN, "Forbidden: the token has expired");
                return;
            }
            expiryTimer = vertx.setTimer(left, t -> close(TransportWs.FORBIDDEN, "Forbidden: the token has expired"));
        }
        acknowledged = true;
        send(Map.of("type", TransportWs.CONNECTION_ACK));
        long ping = settings.pingInterval().toMillis();
        if (ping > 0) {
            pingTimer = vertx.setPeriodic(ping, t -> {
                if (awaitingPong) {
                    close(TransportWs.TIMEOUT, "No pong within " + settings.pingInterval().toSeconds() + " s");
                    return;
                }
                awaitingPong = true;
                send(Map.of("type", TransportWs.PING));
            });
        }
    }

    private void subscribe(Map<String, Object> message) {
        if (!acknowledged) {
            close(TransportWs.UNAUTHORIZED, "Unauthorized");
            return;
        }
        if (!(message.get("id") instanceof String id) || id.isEmpty()
                || !(message.get("payload") instanceof Map<?, ?> payload)) {
            close(TransportWs.BAD_REQUEST, "Invalid message received");
            return;
        }
        GraphQLRequest request;
        try {
            request = request(payload);
        } catch (IllegalArgumentException e) {
            close(TransportWs.BAD_REQUEST, "Invalid message received: " + e.getMessage());
            return;
        }
        if (subscriptions.size() >= settings.maxSubscriptionsPerConnection() && !subscriptions.containsKey(id)) {
            sendError(id, List.of(Errors.error("at most " + settings.maxSubscriptionsPerConnection()
                    + " operations per connection", "SUBSCRIPTION_LIMIT_EXCEEDED")));
            return;
        }
        if (subscriptions.putIfAbsent(id, STARTING) != null) {
            close(TransportWs.SUBSCRIBER_EXISTS, "Subscriber for " + id + " already exists");
            return;
        }
        GatewaySnapshot snapshot = with.source().current();
        Map<String, String> headers = Map.copyOf(forwarded);
        with.gate().admit(snapshot, request, caller, address).onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("subscribe failed", ar.cause());
                finishWithError(id, List.of(Errors.error("internal gateway error", "INTERNAL_SERVER_ERROR")));
                return;
            }
            Admission admission = ar.result();
            if (!admission.admitted()) {
                finishWithError(id, errorsOf(admission.refusal().body()));
            } else if (admission.prepared().operation().getOperation()
                    == OperationDefinition.Operation.SUBSCRIPTION) {
                SubscriptionExecutor.Subscription s;
                try {
                    s = with.executor().start(snapshot.supergraph(), admission, headers, new Client(id));
                } catch (RuntimeException e) {
                    LOG.error("subscription failed to start", e);
                    finishWithError(id, List.of(Errors.error("internal gateway error", "INTERNAL_SERVER_ERROR")));
                    return;
                }
                if (!subscriptions.replace(id, STARTING, s)) {
                    s.cancel(); // completed by the client, or ended already
                }
            } else {
                with.gate().execute(snapshot, admission, headers).onComplete(r -> {
                    if (r.failed() || r.result().requestError()) {
                        finishWithError(id, r.failed() ? List.of(Errors.error("internal gateway error",
                                "INTERNAL_SERVER_ERROR")) : errorsOf(r.result().body()));
                        return;
                    }
                    if (subscriptions.remove(id) != null) {
                        sendRaw(nextMessage(id, json(r.result().body())));
                        send(Map.of("id", id, "type", TransportWs.COMPLETE));
                    }
                });
            }
        });
    }

    /** A subscription's results, written to this connection. */
    private final class Client implements Subscriber {
        private final String id;

        Client(String id) {
            this.id = id;
        }

        @Override
        public void next(String resultJson) {
            if (subscriptions.containsKey(id)) {
                sendRaw(nextMessage(id, resultJson));
            }
        }

        @Override
        public void error(List<Map<String, Object>> errors) {
            finishWithError(id, errors);
        }

        @Override
        public void complete() {
            if (subscriptions.remove(id) != null) {
                send(Map.of("id", id, "type", TransportWs.COMPLETE));
            }
        }
    }

    private void finishWithError(String id, List<Map<String, Object>> errors) {
        if (subscriptions.remove(id) != null) {
            sendError(id, errors);
        }
    }

    private void sendError(String id, List<Map<String, Object>> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", TransportWs.ERROR);
        m.put("payload", errors);
        send(m);
    }

    private String nextMessage(String id, String payloadJson) {
        return "{\"id\":" + json(id) + ",\"type\":\"next\",\"payload\":" + payloadJson + "}";
    }

    private void send(Map<String, ?> message) {
        sendRaw(json(message));
    }

    private void sendRaw(String text) {
        if (closed) {
            return;
        }
        if (!outbox.offer(() -> ws.writeTextMessage(text))) {
            close(TransportWs.INTERNAL_ERROR, "Client too slow: " + outbox.max() + " messages not taken");
        }
    }

    private String json(Object value) {
        try {
            return with.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void close(short code, String reason) {
        if (closed) {
            return;
        }
        ws.close(code, reason);
        closed();
    }

    /** Once, however the connection ended: timers stopped, every subscription cancelled. */
    private synchronized void closed() {
        if (closed) {
            return;
        }
        closed = true;
        vertx.cancelTimer(initTimer);
        vertx.cancelTimer(pingTimer);
        vertx.cancelTimer(expiryTimer);
        subscriptions.values().forEach(SubscriptionExecutor.Subscription::cancel);
        subscriptions.clear();
        onClose.run();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Map<String, Object> body) {
        return body.get("errors") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static GraphQLRequest request(Map<?, ?> payload) {
        Object query = payload.get("query");
        Object name = payload.get("operationName");
        Object variables = payload.get("variables");
        Object extensions = payload.get("extensions");
        if (query != null && !(query instanceof String) || name != null && !(name instanceof String)) {
            throw new IllegalArgumentException("query and operationName must be strings");
        }
        if (variables != null && !(variables instanceof Map) || extensions != null && !(extensions instanceof Map)) {
            throw new IllegalArgumentException("variables and extensions must be objects");
        }
        return new GraphQLRequest((String) query, (String) name, (Map<String, Object>) variables,
                (Map<String, Object>) extensions);
    }
}
