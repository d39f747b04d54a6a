package org.epicontrol.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.metrics.RefusalMetrics;
import org.epicontrol.gateway.ratelimit.ClientKey;
import org.epicontrol.gateway.ratelimit.RateLimiter;

/**
 * The first handler on {@code /graphql} when {@code gateway.rate-limit.enabled}: before the body is read, a request
 * over its client's limit gets HTTP 429 with {@code Retry-After} (seconds) and a {@code RATE_LIMITED} GraphQL error.
 * The client is the verified token's subject, else the peer address, which is the {@code X-Forwarded-For} client only
 * when {@code quarkus.http.proxy.*} says to trust it (off by default: a caller could otherwise pick its own key).
 */
@ApplicationScoped
public class RateLimitHandler implements Handler<RoutingContext> {
    private final RateLimiter limiter;
    private final ResponseWriter writer;
    private final RefusalMetrics metrics;

    public RateLimitHandler(GatewayConfig config, ResponseWriter writer, RefusalMetrics metrics) {
        GatewayConfig.RateLimit c = config.rateLimit();
        this.limiter = new RateLimiter(c.anonymous().requestsPerSecond(), c.anonymous().burst(),
                c.signedIn().requestsPerSecond(), c.signedIn().burst(), c.maxClients());
        this.writer = writer;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Map<String, Object> error = refusal(Callers.subject(ctx), ctx.request().remoteAddress() == null ? null
                : ctx.request().remoteAddress().hostAddress());
        if (error == null) {
            ctx.next();
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        ctx.response().putHeader("retry-after", String.valueOf(extensions.get("retryAfter")));
        writer.error(ctx, 429, error);
    }

    /**
     * Takes a token from the client's bucket: null when there was one, else the {@code RATE_LIMITED} error (counted
     * as a refusal). Also for requests that do not come through {@link #handle}: subscribe messages on a WebSocket.
     */
    public Map<String, Object> refusal(String subject, String address) {
        ClientKey client = subject != null ? ClientKey.subject(subject)
                : ClientKey.address(address == null ? "unknown" : address);
        long waitNanos = limiter.tryAcquire(client);
        if (waitNanos == 0) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        metrics.refused("RATE_LIMITED", client.signedIn());
        return Errors.withExtension(Errors.error("too many requests from this client: retry after " + seconds
                + " s", "RATE_LIMITED"), "retryAfter", seconds);
    }
}
