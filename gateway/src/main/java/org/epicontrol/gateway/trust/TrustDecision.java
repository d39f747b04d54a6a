package org.epicontrol.gateway.trust;

import org.epicontrol.gateway.request.GraphQLRequest;

/**
 * What the trusted-documents check made of a request: the request to run (its query filled in from the manifest when
 * only a hash was sent), or a refusal with the error code and message the caller gets.
 */
public record TrustDecision(GraphQLRequest request, String code, String message) {

    static TrustDecision run(GraphQLRequest request) {
        return new TrustDecision(request, null, null);
    }

    static TrustDecision refuse(String code, String message) {
        return new TrustDecision(null, code, message);
    }

    public boolean refused() {
        return code != null;
    }
}
