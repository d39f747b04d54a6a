package org.epicontrol.gateway.request;

import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.access.AccessErrors;
import org.epicontrol.gateway.access.AccessGate;

/**
 * A request that passed every check before execution (access directives, limits, variables, cost budget, validation,
 * planning), or the response that refuses it. Transports that do not answer with one response (subscriptions)
 * execute it themselves.
 *
 * @param accessErrors the errors of the fields the access directives removed, put first in every answer
 */
public record Admission(GraphQLResponse refusal, PreparedOperation prepared, PreparedOperation.Planned planned,
                        Map<String, Object> variables, List<Map<String, Object>> accessErrors) {

    /** How the access gate answers with admissions. */
    static final AccessGate.Answers<Admission> ANSWERS = new AccessGate.Answers<>() {
        @Override
        public Admission answer(GraphQLResponse response) {
            return refused(response);
        }

        @Override
        public Admission withErrors(Admission admission, List<Map<String, Object>> errors) {
            return admission.withAccessErrors(errors);
        }
    };

    public Admission {
        accessErrors = accessErrors == null ? List.of() : List.copyOf(accessErrors);
    }

    public Admission(GraphQLResponse refusal, PreparedOperation prepared, PreparedOperation.Planned planned,
                     Map<String, Object> variables) {
        this(refusal, prepared, planned, variables, List.of());
    }

    /** The response that refuses the request, before execution. */
    public static Admission refused(GraphQLResponse refusal) {
        return new Admission(refusal, null, null, null);
    }

    public boolean admitted() {
        return refusal == null;
    }

    Admission withAccessErrors(List<Map<String, Object>> errors) {
        if (errors.isEmpty()) {
            return this;
        }
        if (!admitted()) {
            return refused(AccessErrors.prepend(refusal, errors));
        }
        List<Map<String, Object>> all = new java.util.ArrayList<>(errors);
        all.addAll(accessErrors);
        return new Admission(null, prepared, planned, variables, all);
    }
}
