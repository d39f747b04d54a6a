package org.epicontrol.gateway.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.json.JsonBodies;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.jboss.logging.Logger;

/**
 * Writes GET answers with HTTP caching: {@code Cache-Control} from the {@link CachePolicy}, {@code Vary: Accept,
 * Authorization} (the media type follows Accept; a signed-in answer is never another caller's), and for answers
 * without errors an {@code ETag} (SHA-256 of the body) and 304 Not Modified to a matching {@code If-None-Match}.
 */
@ApplicationScoped
public class HttpCaching {
    private static final Logger LOG = Logger.getLogger(HttpCaching.class);
    static final String VARY = "Accept, Authorization";

    private final JsonBodies json;
    private final boolean enabled;
    private final CachePolicy policy;

    public HttpCaching(ObjectMapper mapper, GatewayConfig config) {
        GatewayConfig.CacheControl settings = config.cacheControl();
        this.json = new JsonBodies(mapper);
        this.enabled = settings.enabled();
        this.policy = new CachePolicy(new CacheRules(settings.publicFields(), settings.maxAge()),
                settings.dayBoundaryZone().map(ZoneId::of).orElse(null), Clock.systemUTC(),
                config.planCacheSize());
    }

    /** Whether GET answers get caching headers ({@code gateway.cache-control.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Answers a GET request.
     *
     * @param request the request as run (the registered document for a persisted operation), or null when it was
     *                refused before a document was known
     */
    public void write(RoutingContext ctx, int status, String mediaType, Map<String, Object> body,
                      GraphQLRequest request) {
        HttpServerResponse response = ctx.response();
        byte[] bytes;
        try {
            bytes = json.bytes(body);
        } catch (Exception e) {
            LOG.error("cannot write response", e);
            response.setStatusCode(500).putHeader("cache-control", CachePolicy.NO_STORE).end();
            return;
        }
        boolean answered = status == 200 && !body.containsKey("errors");
        boolean authorized = ctx.request().getHeader("authorization") != null;
        response.putHeader("cache-control", policy.cacheControl(request == null ? null : request.query(),
                request == null ? null : request.operationName(), authorized, answered));
        response.putHeader("vary", VARY);
        if (answered) {
            String etag = ETags.of(bytes);
            response.putHeader("etag", etag);
            if (ETags.matches(ctx.request().getHeader("if-none-match"), etag)) {
                response.setStatusCode(304).end();
                return;
            }
        }
        response.setStatusCode(status).putHeader("content-type", mediaType + "; charset=utf-8")
                .end(Buffer.buffer(bytes));
    }
}
