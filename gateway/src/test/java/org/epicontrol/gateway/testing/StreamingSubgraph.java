package org.epicontrol.gateway.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A subgraph that serves subscriptions over graphql-transport-ws on {@code /graphql}, as SmallRye GraphQL does: it
 * acknowledges {@code connection_init}, keeps each {@code subscribe}, and pushes what the test publishes. Controlled
 * over HTTP (tests may run in another class loader): {@code POST /publish?times=n} with the {@code data} of one event,
 * {@code POST /end} closes every socket (the subgraph going away), {@code POST /complete} completes every
 * subscription, {@code GET /stats} tells the active subscriptions, sockets, and the last init payload and upgrade
 * headers.
 */
public final class StreamingSubgraph implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** An open subscription: its socket and id. */
    private record Active(ServerWebSocket socket, String id, String query) {
    }

    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Object> lastInit = new AtomicReference<>(Map.of());
    private final AtomicReference<Map<String, String>> lastUpgradeHeaders = new AtomicReference<>(Map.of());
    private final AtomicReference<String> lastQuery = new AtomicReference<>("");
    private final AtomicInteger subscribes = new AtomicInteger();
    private final HttpServer server;

    public StreamingSubgraph(Vertx vertx) {
        server = vertx.createHttpServer(new HttpServerOptions()
                .setWebSocketSubProtocols(List.of("graphql-transport-ws")));
        server.requestHandler(this::request);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("streaming subgraph did not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/graphql";
    }

    /** Where the test controls it: {@code <base>/publish}, {@code <base>/end}, {@code <base>/stats}. */
    public String controlUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void request(HttpServerRequest req) {
        if ("websocket".equalsIgnoreCase(req.getHeader("upgrade"))) {
            Map<String, String> headers = new LinkedHashMap<>();
            req.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
            req.toWebSocket().onSuccess(ws -> {
                lastUpgradeHeaders.set(headers);
                socket(ws);
            });
            return;
        }
        req.body().onSuccess(body -> {
            switch (req.path()) {
                case "/publish" -> {
                    int times = req.getParam("times") == null ? 1 : Integer.parseInt(req.getParam("times"));
                    publish(body.toString(), times);
                    req.response().end("{}");
                }
                case "/end" -> {
                    sockets.forEach(ws -> ws.close((short) 1001, "going away"));
                    req.response().end("{}");
                }
                case "/complete" -> {
                    active.values().forEach(a -> a.socket.writeTextMessage(
                            "{\"id\":\"" + a.id + "\",\"type\":\"complete\"}"));
                    active.clear();
                    req.response().end("{}");
                }
                case "/stats" -> {
                    Map<String, Object> stats = new LinkedHashMap<>();
                    stats.put("subscriptions", active.size());
                    stats.put("subscribes", subscribes.get());
                    stats.put("sockets", sockets.size());
                    stats.put("init", lastInit.get());
                    stats.put("upgradeHeaders", lastUpgradeHeaders.get());
                    stats.put("query", lastQuery.get());
                    write(req, stats);
                }
                default -> write(req, Map.of("data", Map.of()));
            }
        });
    }

    private void socket(ServerWebSocket ws) {
        sockets.add(ws);
        ws.closeHandler(v -> {
            sockets.remove(ws);
            active.values().removeIf(a -> a.socket == ws);
        });
        ws.textMessageHandler(text -> {
            Map<String, Object> message;
            try {
                message = JSON.readValue(text, MAP);
            } catch (Exception e) {
                ws.close((short) 4400, "Invalid message received");
                return;
            }
            String id = (String) message.get("id");
            switch (String.valueOf(message.get("type"))) {
                case "connection_init" -> {
                    lastInit.set(message.get("payload") == null ? Map.of() : message.get("payload"));
                    ws.writeTextMessage("{\"type\":\"connection_ack\"}");
                }
                case "ping" -> ws.writeTextMessage("{\"type\":\"pong\"}");
                case "subscribe" -> {
                    String query = String.valueOf(((Map<?, ?>) message.get("payload")).get("query"));
                    lastQuery.set(query);
                    subscribes.incrementAndGet();
                    active.put(ws.hashCode() + "/" + id, new Active(ws, id, query));
                }
                case "complete" -> active.remove(ws.hashCode() + "/" + id);
                default -> { }
            }
        });
    }

    private void publish(String data, int times) {
        for (Active a : active.values()) {
            String message = "{\"id\":\"" + a.id + "\",\"type\":\"next\",\"payload\":{\"data\":" + data + "}}";
            for (int i = 0; i < times; i++) {
                a.socket.writeTextMessage(message);
            }
        }
    }

    private static void write(HttpServerRequest req, Map<String, Object> body) {
        try {
            req.response().putHeader("content-type", "application/json")
                    .end(Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (Exception e) {
            req.response().setStatusCode(500).end();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
