package org.epicontrol.gateway.request;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.epicontrol.gateway.cost.OperationAnalysis;
import org.epicontrol.gateway.defer.DeferPlans;
import org.epicontrol.gateway.execute.ResponseShaper;
import org.epicontrol.gateway.plan.QueryPlan;

/**
 * A parsed and analysed operation (limits checked, cost formula ready), or the request errors that stopped it.
 * Cached per (query text, operation name) for one supergraph version. Validation and planning, the expensive
 * part, happen once, on the first request whose cost is within its budget ({@link #planned}).
 */
public final class PreparedOperation {
    private final OperationDefinition operation;
    private final Map<String, FragmentDefinition> fragments;
    private final OperationAnalysis analysis;
    private final List<Map<String, Object>> errors;
    /** Kept for validation, which needs the whole document; dropped once planned. */
    private volatile Document document;
    private volatile Planned planned;
    private volatile DeferPlans deferPlans;
    /** What shaping works out once for every request, or null when conditions depend on variables. */
    private final ResponseShaper.Cache shapeCache;
    /** Bytes of the last response body written for it: the next one's buffer is sized by it (no regrowing). */
    private volatile int bodySize;

    /** Validated and planned, or the validation/planning errors. */
    public record Planned(QueryPlan plan, List<Map<String, Object>> errors) {
        public static Planned failed(List<Map<String, Object>> errors) {
            return new Planned(null, errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    PreparedOperation(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                      OperationAnalysis analysis, List<Map<String, Object>> errors, Document document) {
        this.document = document;
        this.operation = operation;
        this.fragments = fragments;
        this.analysis = analysis;
        this.errors = errors;
        this.shapeCache = operation != null && !VariableConditions.any(operation, fragments)
                ? new ResponseShaper.Cache() : null;
    }

    /** For {@link ResponseShaper}: null when {@code @skip}/{@code @include} depend on variables. */
    ResponseShaper.Cache shapeCache() {
        return shapeCache;
    }

    public static PreparedOperation failed(List<Map<String, Object>> errors) {
        return new PreparedOperation(null, Map.of(), null, errors, null);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public OperationDefinition operation() {
        return operation;
    }

    public Map<String, FragmentDefinition> fragments() {
        return fragments;
    }

    public OperationAnalysis analysis() {
        return analysis;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    Document document() {
        return document;
    }

    /** The capacity to start a response body's buffer with: a little more than the last one took. */
    int bodySizeHint() {
        int last = bodySize;
        return last == 0 ? 4096 : Math.min(last + last / 8 + 64, 16 << 20);
    }

    void bodySize(int bytes) {
        bodySize = bytes;
    }

    /** The plan when already made, else null. */
    public Planned planned() {
        return planned;
    }

    /** Its plans for incremental delivery of {@code @defer} fragments (made when first asked for). */
    public DeferPlans deferPlans() {
        DeferPlans d = deferPlans;
        if (d == null) {
            d = new DeferPlans(operation, fragments);
            deferPlans = d;
        }
        return d;
    }

    /** Validates and plans once; a second caller meanwhile waits for the first's result (on a worker thread). */
    public synchronized Planned plan(Supplier<Planned> validateAndPlan) {
        Planned p = planned;
        if (p == null) {
            p = validateAndPlan.get();
            planned = p;
            document = null;
        }
        return p;
    }
}
