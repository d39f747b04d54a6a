package org.epicontrol.gateway.request;

import java.util.Map;

/**
 * The response body and how the request went: {@code requestError} (no execution, e.g. parse or validation
 * failure) and {@code methodNotAllowed} steer the HTTP status.
 */
public record GraphQLResponse(Map<String, Object> body, boolean requestError, boolean methodNotAllowed) {
}
