package org.epicontrol.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits between a client (the gateway, a feed reader) and one subgraph: forwards every request to the real subgraph
 * and counts them. It can be stopped (the client then finds nothing listening, as if the subgraph were down) and
 * started again on the same port.
 */
final class CountingProxy implements AutoCloseable {
    /** What the gateway forwards to a subgraph (gateway.forward-headers), and its content negotiation and tracing. */
    private static final List<String> FORWARDED_HEADERS = List.of("content-type", "accept", "authorization",
            "idempotency-key", "traceparent");

    private final URI target;
    private volatile int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counting-proxy");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;

    private CountingProxy(URI target) {
        this.target = target;
    }

    /** A proxy on a free local port forwarding to {@code targetUrl}. */
    static CountingProxy start(String targetUrl) {
        CountingProxy proxy = new CountingProxy(URI.create(targetUrl));
        proxy.listen(0);
        return proxy;
    }

    String url() {
        return "http://localhost:" + port + target.getPath();
    }

    /** Requests received since the last {@link #reset()}. */
    int requests() {
        return requests.get();
    }

    void reset() {
        requests.set(0);
    }

    /** Stops listening and drops open connections: the subgraph is unreachable through this proxy. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    synchronized void restart() {
        if (server == null) {
            listen(port);
        }
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", onPort), 64);
        } catch (IOException e) {
            throw new IllegalStateException("proxy cannot listen on port " + onPort, e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    private void forward(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            URI asked = exchange.getRequestURI();
            // the query string too: a GraphQL GET carries the operation there
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(asked.getRawQuery() == null
                            ? asked.getRawPath() : asked.getRawPath() + "?" + asked.getRawQuery()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().firstValue("content-type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("content-type", v));
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        stop();
        workers.shutdownNow();
    }
}
