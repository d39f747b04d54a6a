package org.epicontrol.gateway.cost;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.execute.FieldWeights;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Demand control as the request path sees it: analyse a document against a supergraph, refuse an estimate over the
 * caller's budget ({@code COST_LIMIT_EXCEEDED}, with {@code extensions.cost.estimated} and {@code .budget}), and
 * record estimated and actual costs.
 */
public final class DemandControl {
    public static final String COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED";

    private final CostSettings settings;
    private final CostPolicy policy;
    private final CostRecorder recorder;

    public DemandControl(CostSettings settings, CostPolicy policy, CostRecorder recorder) {
        this.settings = settings;
        this.policy = policy;
        this.recorder = recorder;
    }

    /** Costs are still estimated (for the limits' analysis) but no budget applies and nothing is recorded. */
    public static DemandControl unlimited() {
        return new DemandControl(CostSettings.defaults(), CostPolicy.UNLIMITED, CostRecorder.NONE);
    }

    public OperationAnalysis analyze(Supergraph supergraph, Document document, OperationDefinition operation) {
        return new OperationCostAnalyzer(supergraph.apiSchema(), new CostModel(supergraph, settings))
                .analyze(document, operation);
    }

    /** Records the estimate; the error refusing it when over the caller's budget, else null. */
    public Map<String, Object> refusal(double estimate, boolean signedIn) {
        recorder.estimated(estimate);
        if (!policy.refuses(estimate, signedIn)) {
            return null;
        }
        long estimated = Math.round(Math.min(estimate, Long.MAX_VALUE));
        long budget = Math.round(policy.budget(signedIn));
        return Errors.withExtension(Errors.error("operation cost " + estimated + " exceeds the budget of " + budget
                + (signedIn ? "" : " for anonymous callers (signed-in staff have more)")
                + ": ask for fewer items (first/last/limit) or fewer nested lists", COST_LIMIT_EXCEEDED),
                "cost", orderedMap("estimated", estimated, "budget", budget));
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * The weights the response shaper costs an answer by (the estimate's weights); none when nothing is recorded.
     * One model per answer: what it looks up is worked out once per selection by the shaper.
     */
    public FieldWeights weights(Supergraph supergraph) {
        if (recorder == CostRecorder.NONE) {
            return FieldWeights.NONE;
        }
        Weights last = lastWeights;
        if (last != null && last.supergraph() == supergraph) {
            return last.weights(); // one per supergraph version: the shaper keeps what it worked out by them
        }
        CostModel model = new CostModel(supergraph, settings);
        FieldWeights weights = (parent, field) -> model.fieldWeight(parent.getName(), field.getName(),
                (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType()));
        lastWeights = new Weights(supergraph, weights);
        return weights;
    }

    private record Weights(Supergraph supergraph, FieldWeights weights) {
    }

    private volatile Weights lastWeights;

    /** Records what an executed operation returned, costed by {@link #weights}. */
    public void recordActual(double cost) {
        recorder.actual(cost);
    }
}
