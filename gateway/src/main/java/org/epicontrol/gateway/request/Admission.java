package org.epicontrol.gateway.request;

import java.util.Map;

/**
 * A request that passed every check before execution (limits, variables, cost budget, validation, planning), or the
 * response that refuses it. Transports that do not answer with one response (subscriptions) execute it themselves.
 */
public record Admission(GraphQLResponse refusal, PreparedOperation prepared, PreparedOperation.Planned planned,
                        Map<String, Object> variables) {

    static Admission refused(GraphQLResponse refusal) {
        return new Admission(refusal, null, null, null);
    }

    public boolean admitted() {
        return refusal == null;
    }
}
