package org.epicontrol.gateway.subscribe;

import java.util.List;
import java.util.Map;

/**
 * Where one client subscription's results go, written by a transport (graphql-transport-ws, SSE, multipart). Exactly
 * one of {@link #error} and {@link #complete} ends it; nothing comes after.
 */
public interface Subscriber {

    /** One execution result, {@code {"data": ..., "errors": [...]}}, already serialised (shared by subscribers). */
    void next(String resultJson);

    /** The subscription failed or its subgraph went away: GraphQL errors, then the end. */
    void error(List<Map<String, Object>> errors);

    /** The subgraph completed the subscription. */
    void complete();
}
