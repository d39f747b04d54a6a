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
        String subject = Callers.subject(ctx);
        ClientKey client = subject != null ? ClientKey.subject(subject)
                : ClientKey.address(ctx.request().remoteAddress() == null ? "unknown"
                : ctx.request().remoteAddress().hostAddress());
        long waitNanos = limiter.tryAcquire(client);
        if (waitNanos == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        metrics.refused("RATE_LIMITED", client.signedIn());
        Map<String, Object> error = Errors.error("too many requests from this client: retry after " + seconds
                + " s", "RATE_LIMITED");
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        extensions.put("retryAfter", seconds);
        ctx.response().putHeader("retry-after", Long.toString(seconds));
        writer.error(ctx, 429, error);
    }
}
