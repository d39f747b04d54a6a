package org.epicontrol.gateway.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.epicontrol.gateway.plan.PlanNode;
import org.epicontrol.gateway.plan.QueryPlan;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Runs a {@link QueryPlan}: Parallel nodes at once, Sequence nodes in order, and for each Flatten one
 * {@code _entities} request carrying every distinct representation found at its path. A failing fetch records
 * errors at the paths it should have filled and the rest of the plan goes on, so callers get partial data.
 */
public final class PlanExecutor {
    private static final int MAX_ERRORS_PER_FAILED_FETCH = 100;

    private final Vertx vertx;
    private final SubgraphClient client;

    private final ObjectMapper mapper;

    /** {@code mapper}: what writes answers' values that are neither strings, integers, booleans, maps nor lists. */
    public PlanExecutor(Vertx vertx, SubgraphClient client, ObjectMapper mapper) {
        this.vertx = vertx;
        this.client = client;
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Future<ExecutionState> execute(Supergraph supergraph, QueryPlan plan, Map<String, Object> variables,
                                          Map<String, String> headers) {
        return execute(supergraph, plan, variables, headers, new ExecutionState(), null);
    }

    /** Runs the plan into {@code state}, whose data may already hold what an earlier plan fetched. */
    public Future<ExecutionState> execute(Supergraph supergraph, QueryPlan plan, Map<String, Object> variables,
                                          Map<String, String> headers, ExecutionState state) {
        return execute(supergraph, plan, variables, headers, state, null);
    }

    /**
     * Runs a subscription's plan for one event: the root fetch (the subgraph's {@code subscription}) is answered by
     * {@code event}, one {@code next} payload of the subgraph; the other fetches run as for a query.
     */
    public Future<ExecutionState> executeForEvent(Supergraph supergraph, QueryPlan plan, Map<String, Object> event,
                                                  Map<String, Object> variables, Map<String, String> headers) {
        return execute(supergraph, plan, variables, headers, new ExecutionState(), event);
    }

    private Future<ExecutionState> execute(Supergraph supergraph, QueryPlan plan, Map<String, Object> variables,
                                           Map<String, String> headers, ExecutionState state,
                                           Map<String, Object> event) {
        if (plan.root() == null) {
            return Future.succeededFuture(state);
        }
        // All merging happens on one context: subgraph responses hop back to it before touching the state.
        Context context = vertx.getOrCreateContext();
        Promise<ExecutionState> done = Promise.promise();
        Run run = new Run(supergraph, context, state, variables, headers, event);
        context.runOnContext(v -> run.node(plan.root()).onComplete(ar -> {
            if (ar.failed()) {
                state.errors.add(Errors.error("gateway execution failed: " + ar.cause().getMessage(),
                        "INTERNAL_SERVER_ERROR"));
            }
            done.complete(state);
        }));
        return done.future();
    }

    private final class Run {
        private final Supergraph supergraph;
        private final Context context;
        private final ExecutionState state;
        private final Map<String, Object> variables;
        private final Map<String, String> headers;
        private final Map<String, Object> event;

        Run(Supergraph supergraph, Context context, ExecutionState state, Map<String, Object> variables,
            Map<String, String> headers, Map<String, Object> event) {
            this.supergraph = supergraph;
            this.context = context;
            this.state = state;
            this.variables = variables;
            this.headers = headers;
            this.event = event;
        }

        /** Never fails for subgraph problems: they become errors in the state. */
        Future<Void> node(PlanNode node) {
            if (node instanceof PlanNode.Fetch f) {
                return rootFetch(f);
            }
            if (node instanceof PlanNode.Flatten fl) {
                return entityFetch(fl.paths(), (PlanNode.Fetch) fl.node());
            }
            if (node instanceof PlanNode.Sequence s) {
                Future<Void> chain = Future.succeededFuture();
                for (PlanNode n : s.nodes()) {
                    chain = chain.compose(v -> node(n));
                }
                return chain;
            }
            List<Future<Void>> all = new ArrayList<>();
            for (PlanNode n : ((PlanNode.Parallel) node).nodes()) {
                all.add(node(n));
            }
            return Future.join(all).mapEmpty();
        }

        private Future<Void> rootFetch(PlanNode.Fetch fetch) {
            Future<Map<String, Object>> answer = event != null && fetch.operation().startsWith("subscription")
                    ? Future.succeededFuture(event) : call(fetch, usedVariables(fetch));
            return answer.transform(ar -> {
                if (ar.failed()) {
                    for (String key : fetch.responseKeys()) {
                        state.errors.add(failure(fetch, ar.cause(), List.of(key)));
                    }
                    return Future.succeededFuture();
                }
                Map<String, Object> response = ar.result();
                if (response.get("data") instanceof Map<?, ?> d) {
                    boolean shared = response instanceof SharedAnswer;
                    Map<String, Object> data = cast(d);
                    if (shared && !fetch.renames().isEmpty()) {
                        data = DeduplicatingSubgraphClient.deepCopy(data); // renamed in place: ours alone
                        shared = false;
                    }
                    rename(data, fetch.renames());
                    state.shared.mergeMaps(state.data, data, shared, supergraph::isAbstract);
                }
                if (response.get("errors") instanceof List<?> errors) {
                    for (Object e : errors) {
                        if (e instanceof Map<?, ?> m) {
                            Map<String, Object> err = subgraphError(fetch, cast(m));
                            if (m.get("path") instanceof List<?> p) {
                                err.put("path", p);
                            }
                            state.errors.add(err);
                        }
                    }
                }
                return Future.succeededFuture();
            });
        }

        private Future<Void> entityFetch(List<List<String>> mergePaths, PlanNode.Fetch fetch) {
            List<Map<String, Object>> objects = new ArrayList<>();
            List<List<Object>> paths = new ArrayList<>();
            for (List<String> path : mergePaths) {
                if (state.shared.any()) {
                    // Parts of the data are shared with other requests: the objects to merge into become ours.
                    state.shared.collectOwned(state.data, path, objects, paths);
                } else {
                    collect(state.data, path, 0, new ArrayList<>(), objects, paths);
                }
            }
            // One representation per distinct entity (maps of JSON values compare by content); objects remember which
            // one answers them.
            List<Object> representations = new ArrayList<>();
            Map<Map<String, Object>, Integer> index = new HashMap<>();
            int[] slot = new int[objects.size()];
            for (int i = 0; i < objects.size(); i++) {
                Map<String, Object> rep = representation(objects.get(i), fetch);
                if (rep == null) {
                    slot[i] = -1;
                    continue;
                }
                Integer j = index.putIfAbsent(rep, representations.size());
                if (j == null) {
                    j = representations.size();
                    representations.add(rep);
                }
                slot[i] = j;
            }
            if (representations.isEmpty()) {
                return Future.succeededFuture();
            }
            Map<String, Object> vars = usedVariables(fetch);
            vars.put("representations", representations);
            return call(fetch, vars).transform(ar -> {
                if (ar.failed()) {
                    String field = fetch.responseKeys().isEmpty() ? null : fetch.responseKeys().get(0);
                    int reported = 0;
                    for (int i = 0; i < objects.size() && reported < MAX_ERRORS_PER_FAILED_FETCH; i++) {
                        if (slot[i] >= 0) {
                            List<Object> p = new ArrayList<>(paths.get(i));
                            if (field != null) {
                                p.add(field);
                            }
                            state.errors.add(failure(fetch, ar.cause(), p));
                            reported++;
                        }
                    }
                    return Future.succeededFuture();
                }
                Map<String, Object> response = ar.result();
                boolean shared = response instanceof SharedAnswer;
                List<?> entities = response.get("data") instanceof Map<?, ?> d && d.get("_entities") instanceof List<?> l
                        ? l : List.of();
                if (!fetch.renames().isEmpty()) {
                    if (shared) {
                        entities = DeduplicatingSubgraphClient.deepCopy(entities); // renamed in place: ours alone
                        shared = false;
                    }
                    for (Object e : entities) {
                        rename(e, fetch.renames());
                    }
                }
                for (int i = 0; i < objects.size(); i++) {
                    if (slot[i] >= 0 && slot[i] < entities.size() && entities.get(slot[i]) instanceof Map<?, ?> e) {
                        state.shared.mergeMaps(objects.get(i), cast(e), shared, supergraph::isAbstract);
                    }
                }
                if (response.get("errors") instanceof List<?> errors) {
                    for (Object o : errors) {
                        if (o instanceof Map<?, ?> m) {
                            repathEntityError(fetch, cast(m), slot, paths);
                        }
                    }
                }
                return Future.succeededFuture();
            });
        }

        /** {@code ["_entities", j, ...rest]} becomes the path of every object answered by representation j. */
        private void repathEntityError(PlanNode.Fetch fetch, Map<String, Object> error, int[] slot,
                                       List<List<Object>> paths) {
            if (error.get("path") instanceof List<?> p && p.size() >= 2 && "_entities".equals(p.get(0))
                    && p.get(1) instanceof Number n) {
                int j = n.intValue();
                boolean any = false;
                for (int i = 0; i < slot.length; i++) {
                    if (slot[i] == j) {
                        Map<String, Object> copy = subgraphError(fetch, error);
                        List<Object> full = new ArrayList<>(paths.get(i));
                        full.addAll(p.subList(2, p.size()));
                        copy.put("path", full);
                        state.errors.add(copy);
                        any = true;
                    }
                }
                if (any) {
                    return;
                }
            }
            state.errors.add(subgraphError(fetch, error));
        }

        private Future<Map<String, Object>> call(PlanNode.Fetch fetch, Map<String, Object> vars) {
            Subgraph subgraph = supergraph.subgraph(fetch.subgraph());
            state.requests.merge(fetch.serviceName(), 1, Integer::sum);
            Promise<Map<String, Object>> promise = Promise.promise();
            Future<Map<String, Object>> future;
            try {
                future = client.fetch(subgraph, new SubgraphClient.SubgraphRequest(fetch.operation(),
                        fetch.operationName(), vars, headers));
            } catch (RuntimeException e) {
                future = Future.failedFuture(e);
            }
            future.onComplete(ar -> {
                if (Vertx.currentContext() == context) {
                    promise.handle(ar);
                } else {
                    context.runOnContext(v -> promise.handle(ar));
                }
            });
            return promise.future();
        }

        private Map<String, Object> usedVariables(PlanNode.Fetch fetch) {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (String name : fetch.variableUsages()) {
                if (variables.containsKey(name)) {
                    vars.put(name, variables.get(name));
                }
            }
            return vars;
        }

        private Map<String, Object> failure(PlanNode.Fetch fetch, Throwable cause, List<Object> path) {
            String code = cause instanceof SubgraphClient.SubgraphFailure sf ? sf.code() : "SUBREQUEST_HTTP_ERROR";
            return Errors.error(cause.getMessage(), path, code, fetch.serviceName());
        }

        private Map<String, Object> subgraphError(PlanNode.Fetch fetch, Map<String, Object> error) {
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("message", error.getOrDefault("message", "subgraph error"));
            Map<String, Object> ext = new LinkedHashMap<>();
            if (error.get("extensions") instanceof Map<?, ?> e) {
                ext.putAll(cast(e));
            }
            ext.putIfAbsent("serviceName", fetch.serviceName());
            copy.put("extensions", ext);
            return copy;
        }

        private Map<String, Object> representation(Map<String, Object> object, PlanNode.Fetch fetch) {
            if (!(object.get("__typename") instanceof String typename)) {
                return null;
            }
            for (PlanNode.Requires r : fetch.requires()) {
                if (supergraph.satisfies(typename, r.typeCondition())) {
                    // A subgraph with an @interfaceObject knows the interface as an object type, not its
                    // implementations: it is sent the interface's name.
                    String sent = supergraph.isInterfaceObject(r.typeCondition(), fetch.subgraph())
                            ? r.typeCondition() : typename;
                    Map<String, Object> rep = new LinkedHashMap<>();
                    rep.put("__typename", sent);
                    if (!copyFields(object, r.fields(), rep)) {
                        return null;
                    }
                    rep.put("__typename", sent);
                    return rep;
                }
            }
            return null;
        }
    }

    // ---- data helpers ---------------------------------------------------------------------------------------

    /** Finds the objects at a plan path ("@" = each list element), with their response paths. */
    public static void collect(Object node, List<String> path, int i, List<Object> at, List<Map<String, Object>> out,
                        List<List<Object>> paths) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            int next = i < path.size() && path.get(i).equals("@") ? i + 1 : i;
            for (int k = 0; k < list.size(); k++) {
                at.add(k);
                collect(list.get(k), path, next, at, out, paths);
                at.remove(at.size() - 1);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if (i == path.size()) {
            out.add(cast(map));
            paths.add(List.copyOf(at));
            return;
        }
        String key = path.get(i);
        if (key.equals("@")) {
            collect(node, path, i + 1, at, out, paths);
            return;
        }
        at.add(key);
        collect(map.get(key), path, i + 1, at, out, paths);
        at.remove(at.size() - 1);
    }

    static boolean copyFields(Map<String, Object> from, List<PlanNode.RequiredField> fields,
                                      Map<String, Object> to) {
        for (PlanNode.RequiredField f : fields) {
            if (f.name().equals("__typename")) {
                if (from.get("__typename") != null) {
                    to.put("__typename", from.get("__typename"));
                }
                continue;
            }
            if (!from.containsKey(f.responseKey())) {
                if (f.typeCondition() != null) {
                    continue; // selected under a fragment on a type this object is not
                }
                return false; // e.g. the parent fetch failed or a condition skipped the key
            }
            Object v = from.get(f.responseKey());
            if (f.selections() == null || v == null) {
                to.put(f.name(), v);
            } else {
                Object copied = copyValue(v, f.selections());
                if (copied == MISSING) {
                    return false;
                }
                to.put(f.name(), copied);
            }
        }
        return true;
    }

    private static final Object MISSING = new Object();

    /** Undoes fetch aliases in an answer (lists are walked element by element). */
    static void rename(Object value, List<PlanNode.Rename> renames) {
        if (renames.isEmpty() || value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> rename(v, renames));
            return;
        }
        if (!(value instanceof Map<?, ?> m)) {
            return;
        }
        Map<String, Object> map = cast(m);
        for (PlanNode.Rename r : renames) {
            if (!map.containsKey(r.from())) {
                continue;
            }
            Object v = r.from().equals(r.to()) ? map.get(r.from()) : map.remove(r.from());
            rename(v, r.nested());
            if (!r.from().equals(r.to())) {
                map.put(r.to(), v);
            }
        }
    }

    private static Object copyValue(Object v, List<PlanNode.RequiredField> fields) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            return copyFields(cast(m), fields, out) ? out : MISSING;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                Object c = o == null ? null : copyValue(o, fields);
                if (c == MISSING) {
                    return MISSING;
                }
                out.add(c);
            }
            return out;
        }
        return v;
    }

    /**
     * Deep merge by response key; objects merge field by field, lists of equal length element by element. A
     * {@code __typename} naming an abstract type (what an {@code @interfaceObject} subgraph answers) never replaces
     * a concrete one found before.
     */
    static void mergeMaps(Map<String, Object> target, Map<String, Object> source, Predicate<String> isAbstract) {
        new SharedParts().mergeMaps(target, source, false, isAbstract);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
