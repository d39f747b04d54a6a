package org.epicontrol.gateway.execute;

import io.vertx.core.Future;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Subgraph;

/** Sends one GraphQL request to a subgraph and answers its parsed JSON response (data and/or errors). */
public interface SubgraphClient {

    Future<Map<String, Object>> fetch(Subgraph subgraph, SubgraphRequest request);

    /**
     * How a fetch ended, one name for metrics and traces alike: {@code ok}, {@code errors} (the answer carries
     * GraphQL errors), or the failure's code ({@code SUBREQUEST_TIMEOUT}, ...; {@code FAILED} for anything else).
     */
    static String outcome(Map<String, Object> answer, Throwable failure) {
        if (failure != null) {
            return failure instanceof SubgraphFailure f ? f.code() : "FAILED";
        }
        return answer.get("errors") == null ? "ok" : "errors";
    }

    /** What goes to the subgraph: document, operation name, variables and the caller's forwarded headers. */
    record SubgraphRequest(String query, String operationName, Map<String, Object> variables,
                           Map<String, String> headers) {

        /** {@code query}, {@code mutation} or {@code subscription}: the planner prints the keyword first. */
        public String operationType() {
            if (query.startsWith("mutation")) {
                return "mutation";
            }
            return query.startsWith("subscription") ? "subscription" : "query";
        }
    }

    /** The subgraph could not be asked or did not answer in time; {@code code} goes to the error's extensions. */
    final class SubgraphFailure extends RuntimeException {
        private final String code;

        public SubgraphFailure(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
