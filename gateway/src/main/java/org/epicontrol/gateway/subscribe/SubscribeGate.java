package org.epicontrol.gateway.subscribe;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.http.RateLimitHandler;
import org.epicontrol.gateway.metrics.RefusalMetrics;
import org.epicontrol.gateway.request.Admission;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.trust.ManifestSource;
import org.epicontrol.gateway.trust.TrustDecision;
import org.epicontrol.gateway.trust.TrustedDocuments;

/**
 * The checks an HTTP request passes, for an operation that arrives in a WebSocket {@code subscribe} message: the
 * rate limit (when on), trusted documents, then {@link RequestProcessor#admit} (size, tokens, depth, aliases, fields,
 * cost budget, validation, planning). Each message is one request.
 */
@ApplicationScoped
public class SubscribeGate {
    private final RequestProcessor processor;
    private final RateLimitHandler rateLimit;
    private final boolean rateLimited;
    private final ManifestSource manifest;
    private final TrustedDocuments trustedDocuments;
    private final RefusalMetrics refusals;

    public SubscribeGate(RequestProcessor processor, RateLimitHandler rateLimit, GatewayConfig config,
                         ManifestSource manifest, RefusalMetrics refusals) {
        this.processor = processor;
        this.rateLimit = rateLimit;
        this.rateLimited = config.rateLimit().enabled();
        this.manifest = manifest;
        this.trustedDocuments = new TrustedDocuments(config.trustedDocuments().mode());
        this.refusals = refusals;
    }

    Future<Admission> admit(GatewaySnapshot snapshot, GraphQLRequest sent, Caller caller, String address) {
        if (rateLimited) {
            Map<String, Object> limited = rateLimit.refusal(caller.subject(), address);
            if (limited != null) {
                return refused(limited);
            }
        }
        TrustDecision trust = trustedDocuments.check(sent, caller.signedIn(), manifest.current());
        if (trust.refused()) {
            refusals.refused(trust.code(), caller.signedIn());
            return refused(Errors.error(trust.message(), trust.code()));
        }
        return processor.admit(snapshot, trust.request(), true, caller.access());
    }

    Future<GraphQLResponse> execute(GatewaySnapshot snapshot, Admission admitted, Map<String, String> headers) {
        return processor.execute(snapshot, admitted, headers);
    }

    private static Future<Admission> refused(Map<String, Object> error) {
        return Future.succeededFuture(Admission.refused(new GraphQLResponse(Map.of("errors", List.of(error)), true,
                false)));
    }
}
