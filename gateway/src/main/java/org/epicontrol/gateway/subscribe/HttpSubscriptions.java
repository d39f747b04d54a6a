package org.epicontrol.gateway.subscribe;

import graphql.language.OperationDefinition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.request.Admission;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.RequestProcessor;

/**
 * Subscriptions over HTTP, for requests whose {@code Accept} asks for a stream: {@code text/event-stream} (GraphQL
 * over SSE) or {@code multipart/mixed;subscriptionSpec=1.0} (Apollo's multipart subscriptions). The HTTP route has
 * applied the rate limit and trusted documents; here the operation is admitted like any request and streamed. A
 * query or mutation sent so is answered as a stream of one result.
 */
@ApplicationScoped
public class HttpSubscriptions {
    private final Vertx vertx;
    private final RequestProcessor processor;
    private final SubscriptionExecutor executor;
    private final GatewayConfig.Subscriptions settings;

    public HttpSubscriptions(Vertx vertx, RequestProcessor processor, SubscriptionExecutor executor,
                             GatewayConfig config) {
        this.vertx = vertx;
        this.processor = processor;
        this.executor = executor;
        this.settings = config.subscriptions();
    }

    /** Whether the client asks for a streamed response (and subscriptions are on). */
    public boolean streams(String accept) {
        if (!settings.enabled() || accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains(SseStream.MEDIA_TYPE) || a.contains("multipart/mixed") && a.contains("subscriptionspec");
    }

    /**
     * Admits and streams the operation; answers the refusing response when it is not admitted (the caller writes
     * it as JSON), or null once the stream has started.
     */
    public Future<GraphQLResponse> serve(RoutingContext ctx, GatewaySnapshot snapshot, GraphQLRequest request,
                                         Map<String, String> headers, boolean allowMutations,
                                         org.epicontrol.gateway.access.Caller caller) {
        return processor.admit(snapshot, request, allowMutations, caller).compose(a -> {
            if (!a.admitted()) {
                return Future.succeededFuture(a.refusal());
            }
            HttpStream stream = stream(ctx);
            stream.open();
            if (a.prepared().operation().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                stream.attach(executor.start(snapshot.supergraph(), a, headers, stream));
            } else {
                once(snapshot, a, headers, stream);
            }
            return Future.succeededFuture();
        });
    }

    private void once(GatewaySnapshot snapshot, Admission admitted, Map<String, String> headers, HttpStream stream) {
        processor.execute(snapshot, admitted, headers).onComplete(ar -> {
            if (ar.failed()) {
                stream.error(List.of(org.epicontrol.gateway.execute.Errors.error("internal gateway error",
                        "INTERNAL_SERVER_ERROR")));
                return;
            }
            stream.next(ErrorsJson.json(ar.result().body()));
            stream.complete();
        });
    }

    private HttpStream stream(RoutingContext ctx) {
        String accept = ctx.request().getHeader("accept").toLowerCase(Locale.ROOT);
        long heartbeat = settings.pingInterval().toMillis();
        int pending = settings.maxPendingMessages();
        return accept.contains(SseStream.MEDIA_TYPE) ? new SseStream(vertx, ctx, pending, heartbeat)
                : new MultipartStream(vertx, ctx, pending, heartbeat);
    }
}
