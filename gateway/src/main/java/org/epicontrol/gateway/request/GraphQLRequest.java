package org.epicontrol.gateway.request;

import java.util.Map;

/** A GraphQL-over-HTTP request after decoding (POST body or GET parameters). */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, Object> extensions) {
}
