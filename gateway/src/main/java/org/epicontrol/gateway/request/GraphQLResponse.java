package org.epicontrol.gateway.request;

import java.util.Map;
import org.epicontrol.gateway.defer.IncrementalStream;

/**
 * The response body and how the request went: {@code requestError} (no execution, e.g. parse or validation
 * failure) and {@code methodNotAllowed} steer the HTTP status. With {@code incremental} (deferred fragments,
 * delivered in parts), {@code body} is the first payload and the stream holds the others.
 */
public record GraphQLResponse(Map<String, Object> body, boolean requestError, boolean methodNotAllowed,
                              IncrementalStream incremental) {
    public GraphQLResponse(Map<String, Object> body, boolean requestError, boolean methodNotAllowed) {
        this(body, requestError, methodNotAllowed, null);
    }
}
