package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.time.Duration;

/**
 * Reads pages of notice-service's {@code areaEvents(after, first)} over HTTP GraphQL (public: no token). Every read
 * has a deadline; a failure of any kind comes back as {@link FeedUnavailable}.
 */
public final class NoticeFeedClient implements AutoCloseable {

    static final String QUERY = """
            query AreaEvents($after: ID, $first: Int) { areaEvents(after: $after, first: $first) {
              events { sequence kind areaId areaPath district fullName level levelInForce effectiveDate
                noticeId noticeNumber occurredAt }
              hasMore } }""";

    private final WebClient web;
    private final String url;
    private final Duration timeout;

    public NoticeFeedClient(Vertx vertx, String url, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.timeout = requestTimeout;
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setKeepAlive(true)
                .setMaxPoolSize(1));
    }

    /** The events after sequence {@code after} (0: from the start), at most {@code first} of them. */
    public Uni<AreaEventPage> read(long after, int first) {
        JsonObject variables = new JsonObject()
                .put("after", after == 0 ? null : Long.toString(after))
                .put("first", first);
        JsonObject body = new JsonObject()
                .put("query", QUERY)
                .put("operationName", "AreaEvents")
                .put("variables", variables);
        return web.postAbs(url)
                .putHeader("accept", "application/graphql-response+json, application/json")
                // aborts a request that gets no data for that long, so its connection is freed
                .timeout(timeout.toMillis())
                .sendJsonObject(body)
                .ifNoItem().after(timeout).failWith(() -> new FeedUnavailable("no answer within " + timeout.toMillis() + " ms"))
                .map(response -> AreaEventJson.page(response.statusCode(), response.bodyAsString()))
                .onFailure().transform(failure -> new FeedUnavailable("notice feed at " + url + ": "
                        + (failure.getMessage() == null ? failure.toString() : failure.getMessage()), failure));
    }

    @Override
    public void close() {
        web.close();
    }
}
