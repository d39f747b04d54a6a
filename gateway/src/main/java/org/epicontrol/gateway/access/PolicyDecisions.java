package org.epicontrol.gateway.access;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

/** Who decides {@code @policy}: the decisions already known for a caller, and one round trip for the rest. */
public interface PolicyDecisions {

    /** The decision known for this caller's token without asking anyone (cached), else null. */
    PolicyDecision known(Caller caller, String policy);

    /**
     * Decides every one of {@code policies} for the caller, in as few requests as possible; never fails (a decider
     * that cannot be reached answers {@link PolicyDecision#UNAVAILABLE}).
     */
    Future<Map<String, PolicyDecision>> decide(Caller caller, Set<String> policies);

    /** Refuses every policy: no decider configured. */
    PolicyDecisions NONE = new PolicyDecisions() {
        @Override
        public PolicyDecision known(Caller caller, String policy) {
            return PolicyDecision.DENIED;
        }

        @Override
        public Future<Map<String, PolicyDecision>> decide(Caller caller, Set<String> policies) {
            Map<String, PolicyDecision> out = new java.util.HashMap<>();
            policies.forEach(p -> out.put(p, PolicyDecision.DENIED));
            return Future.succeededFuture(out);
        }
    };
}
