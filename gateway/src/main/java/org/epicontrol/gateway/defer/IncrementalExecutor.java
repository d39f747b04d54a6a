package org.epicontrol.gateway.defer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.ExecutionState;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.ResponseShaper;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Runs a {@link DeferPlan} and delivers it in parts: the first part as soon as the primary plan is done (never
 * waiting for a deferred fetch), then one part per deferred fragment as each completes. Deferred plans start once
 * their inputs exist: on the query root at once, on an entity when its parent's plan is done; a part is sent only
 * after its parent's. Every plan merges into one response tree (on the request's context), each with its own
 * errors, which go into its part.
 */
public final class IncrementalExecutor {
    private final PlanExecutor executor;

    public IncrementalExecutor(PlanExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param extensions added to the first payload (e.g. the query plan), or null
     * @return the first payload, once the primary plan is done, and the stream of the others
     */
    public Future<IncrementalResult> execute(Supergraph supergraph, DeferPlan plan, Map<String, Object> variables,
                                             Map<String, String> headers, Map<String, Object> extensions) {
        return new Run(supergraph, plan, variables, headers, extensions).start();
    }

    /** One deferred fragment being executed. */
    private static final class Node {
        final DeferPlan.Deferred deferred;
        final ExecutionState state;
        boolean done;
        boolean sent;

        Node(DeferPlan.Deferred deferred, ExecutionState primary) {
            this.deferred = deferred;
            this.state = primary.sameData();
        }

        DeferredFragment fragment() {
            return deferred.fragment();
        }
    }

    private final class Run {
        private final Supergraph supergraph;
        private final DeferPlan plan;
        private final Map<String, Object> variables;
        private final Map<String, String> headers;
        private final Map<String, Object> extensions;
        private final Map<String, Object> data = new LinkedHashMap<>();
        private final ExecutionState primary = new ExecutionState(data);
        private final List<Node> nodes = new ArrayList<>();
        private final IncrementalStream stream = new IncrementalStream();
        private final Promise<IncrementalResult> initial = Promise.promise();
        private boolean primaryDone;
        private int unsent;

        Run(Supergraph supergraph, DeferPlan plan, Map<String, Object> variables, Map<String, String> headers,
            Map<String, Object> extensions) {
            this.supergraph = supergraph;
            this.plan = plan;
            this.variables = variables;
            this.headers = headers;
            this.extensions = extensions;
        }

        Future<IncrementalResult> start() {
            ResponseShaper conditions = new ResponseShaper(supergraph.apiSchema(), Map.of(), variables, List.of());
            List<Integer> active = new ArrayList<>();
            for (DeferPlan.Deferred d : plan.deferred()) {
                DeferredFragment f = d.fragment();
                boolean parentActive = f.parent() == DeferredFragment.PRIMARY || active.contains(f.parent());
                if (parentActive && conditions.included(f.conditions())) {
                    active.add(f.id());
                    nodes.add(new Node(d, primary));
                }
            }
            unsent = nodes.size();
            executor.execute(supergraph, plan.primary(), variables, headers, primary)
                    .onComplete(ar -> primaryDone(primary));
            for (Node n : nodes) {
                if (n.fragment().kind() == DeferredFragment.Kind.ROOT) {
                    startPlan(n);
                }
            }
            return initial.future();
        }

        private void primaryDone(ExecutionState primary) {
            List<Map<String, Object>> errors = primary.errors();
            Map<String, Object> shaped = new ResponseShaper(supergraph.apiSchema(), Map.of(), variables, errors)
                    .shape(supergraph.apiSchema().getQueryType(), plan.primaryShape(), data);
            Map<String, Object> first = new LinkedHashMap<>();
            if (!errors.isEmpty()) {
                first.put("errors", List.copyOf(errors));
            }
            first.put("data", shaped);
            first.put("hasNext", unsent > 0);
            if (extensions != null) {
                first.put("extensions", extensions);
            }
            primaryDone = true;
            initial.complete(new IncrementalResult(first, stream));
            if (unsent == 0) {
                stream.end();
                return;
            }
            inputsReady(DeferredFragment.PRIMARY);
            sendReady();
        }

        /** The plan of {@code parent} is done: its entity and inline children can start. */
        private void inputsReady(int parent) {
            for (Node n : nodes) {
                if (n.fragment().parent() == parent && n.fragment().kind() != DeferredFragment.Kind.ROOT) {
                    startPlan(n);
                }
            }
        }

        private void startPlan(Node n) {
            if (n.deferred.plan() == null) {
                planDone(n);
                return;
            }
            executor.execute(supergraph, n.deferred.plan(), variables, headers, n.state)
                    .onComplete(ar -> planDone(n));
        }

        private void planDone(Node n) {
            n.done = true;
            inputsReady(n.fragment().id());
            sendReady();
        }

        /** Sends every part whose plan is done and whose parent's part was sent, in a loop (children follow). */
        private void sendReady() {
            if (!primaryDone) {
                return;
            }
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Node n : nodes) {
                    if (!n.sent && n.done && parentSent(n)) {
                        send(n);
                        progress = true;
                    }
                }
            }
        }

        private boolean parentSent(Node n) {
            int parent = n.fragment().parent();
            if (parent == DeferredFragment.PRIMARY) {
                return true;
            }
            for (Node p : nodes) {
                if (p.fragment().id() == parent) {
                    return p.sent;
                }
            }
            return true;
        }

        private void send(Node n) {
            n.sent = true;
            unsent--;
            List<Map<String, Object>> items = IncrementalItems.of(supergraph, n.fragment(), data, n.state.errors(),
                    variables);
            Map<String, Object> payload = new LinkedHashMap<>();
            if (!items.isEmpty()) {
                payload.put("incremental", items);
            } else if (!n.state.errors().isEmpty()) {
                payload.put("errors", List.copyOf(n.state.errors()));
            }
            payload.put("hasNext", unsent > 0);
            if (payload.size() > 1 || unsent == 0) {
                stream.push(payload);
            }
            if (unsent == 0) {
                stream.end();
            }
        }
    }
}
