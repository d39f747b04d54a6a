package org.epicontrol.gateway.request;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.IntValue;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLObjectType;
import graphql.validation.ValidationError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.access.AccessErrors;
import org.epicontrol.gateway.access.AccessGate;
import org.epicontrol.gateway.access.Caller;
import org.epicontrol.gateway.cost.DemandControl;
import org.epicontrol.gateway.cost.InvalidOperationException;
import org.epicontrol.gateway.cost.OperationAnalysis;
import org.epicontrol.gateway.defer.DeferPlan;
import org.epicontrol.gateway.defer.DeferPlanRenderer;
import org.epicontrol.gateway.defer.DeferPlanner;
import org.epicontrol.gateway.defer.DeferPlans;
import org.epicontrol.gateway.defer.IncrementalExecutor;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.execute.ExecutionState;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.ResponseShaper;
import org.epicontrol.gateway.json.JsonOut;
import org.epicontrol.gateway.json.RawJson;
import org.epicontrol.gateway.plan.PlanningException;
import org.epicontrol.gateway.plan.QueryPlanRenderer;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * One GraphQL request from text to response: size limit; parse, analyse (depth, aliases, fields and cost through
 * fragments, linear) and check the limits (cached); refuse an operation over the caller's cost budget; validate and
 * plan (cached, once the cost is accepted); execute the plan, answer introspection, shape the result, record the
 * actual cost (counted while shaping). Whatever is not yet cached runs on a worker thread, never on the event loop; nothing reaches a
 * subgraph before every limit has passed.
 */
public final class RequestProcessor {
    private final Vertx vertx;
    private final PlanExecutor executor;
    private final OperationLimits limits;
    private final boolean introspectionEnabled;
    private final DemandControl demand;
    private final AccessGate access;
    private final IncrementalExecutor deferredExecutor;

    public RequestProcessor(Vertx vertx, PlanExecutor executor, OperationLimits limits) {
        this(vertx, executor, limits, true, DemandControl.unlimited());
    }

    public RequestProcessor(Vertx vertx, PlanExecutor executor, OperationLimits limits, boolean introspectionEnabled,
                            DemandControl demand) {
        this(vertx, executor, limits, introspectionEnabled, demand, AccessGate.off());
    }

    public RequestProcessor(Vertx vertx, PlanExecutor executor, OperationLimits limits, boolean introspectionEnabled,
                            DemandControl demand, AccessGate access) {
        this.access = access;
        this.vertx = vertx;
        this.executor = executor;
        this.limits = limits;
        this.introspectionEnabled = introspectionEnabled;
        this.demand = demand;
        this.deferredExecutor = new IncrementalExecutor(executor);
    }

    /** As {@link #process(GatewaySnapshot, GraphQLRequest, Map, boolean, boolean, boolean)} for an anonymous caller. */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan) {
        return process(snapshot, request, forwardedHeaders, allowMutations, showPlan, false);
    }

    /**
     * @param allowMutations false for GET requests
     * @param showPlan       add {@code extensions.queryPlan}
     * @param signedIn       the caller presented a verified token (the signed-in cost budget applies)
     */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan, boolean signedIn) {
        return process(snapshot, request, forwardedHeaders, allowMutations, showPlan, Caller.signedIn(signedIn),
                false);
    }

    /** As below for a caller known only as signed in or not. */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan, boolean signedIn, boolean incremental) {
        return process(snapshot, request, forwardedHeaders, allowMutations, showPlan, Caller.signedIn(signedIn),
                incremental);
    }

    /** As below, answering in one response. */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan, Caller caller) {
        return process(snapshot, request, forwardedHeaders, allowMutations, showPlan, caller, false);
    }

    /**
     * @param caller      whose token's scopes and policies the access directives check
     * @param incremental the client reads incremental delivery: a query with active {@code @defer} fragments is
     *                    answered in parts ({@link GraphQLResponse#incremental()}); else they are resolved inline
     */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan, Caller caller, boolean incremental) {
        return process(snapshot, request, forwardedHeaders, allowMutations, showPlan, caller, incremental, false);
    }

    /**
     * @param written the response's {@code data} is written as JSON while it is shaped (a {@link RawJson} in the
     *                body, for the HTTP answer) instead of built as maps and lists: same bytes, less work
     */
    public Future<GraphQLResponse> process(GatewaySnapshot snapshot, GraphQLRequest request,
                                           Map<String, String> forwardedHeaders, boolean allowMutations,
                                           boolean showPlan, Caller caller, boolean incremental, boolean written) {
        return admit(snapshot, request, allowMutations, caller).compose(a -> {
            if (!a.admitted()) {
                return Future.succeededFuture(a.refusal());
            }
            if (a.prepared().operation().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                return Future.succeededFuture(requestError(Errors.error("subscriptions are served over "
                        + "graphql-transport-ws, text/event-stream or multipart/mixed;subscriptionSpec=1.0",
                        "SUBSCRIPTION_TRANSPORT_REQUIRED")));
            }
            return execute(snapshot, a.prepared(), a.planned(), a.variables(), forwardedHeaders, showPlan,
                    incremental, written).map(r -> AccessErrors.prepend(r, a.accessErrors()));
        });
    }

    /** As {@link #admit(GatewaySnapshot, GraphQLRequest, boolean, Caller)} for a caller known only as signed in. */
    public Future<Admission> admit(GatewaySnapshot snapshot, GraphQLRequest request, boolean allowMutations,
                                   boolean signedIn) {
        return admit(snapshot, request, allowMutations, Caller.signedIn(signedIn));
    }

    /**
     * Every check before execution, in the order of {@link #process}: the access directives (the operation without
     * what the caller may not read), then the admitted operation with its plan and variables, or the refusing
     * response. Subscriptions are executed from here by {@code gateway.subscribe}.
     */
    public Future<Admission> admit(GatewaySnapshot snapshot, GraphQLRequest request, boolean allowMutations,
                                   Caller caller) {
        boolean signedIn = caller.authenticated();
        if (snapshot == null) {
            return refused(requestError(Errors.error("the gateway has no supergraph loaded",
                    "SUPERGRAPH_UNAVAILABLE")));
        }
        String query = request.query();
        if (query == null || query.isBlank()) {
            return refused(requestError(Errors.error("the request has no query",
                    "BAD_REQUEST")));
        }
        if (query.length() > limits.maxQueryBytes()
                || query.getBytes(StandardCharsets.UTF_8).length > limits.maxQueryBytes()) {
            return refused(requestError(Errors.error("query is larger than the limit of "
                    + limits.maxQueryBytes() + " bytes", "MAX_QUERY_SIZE_EXCEEDED")));
        }
        GatewaySnapshot.OperationKey key = new GatewaySnapshot.OperationKey(query, request.operationName());
        PreparedOperation cached = snapshot.operations().peek(key);
        Future<PreparedOperation> prepared = cached != null ? Future.succeededFuture(cached)
                : vertx.executeBlocking(() -> snapshot.operations().get(key,
                        k -> prepare(snapshot.supergraph(), k.query(), k.operationName())), false);
        return prepared.compose(p -> access.admit(snapshot.supergraph(), p.operation(), p.fragments(), caller,
                () -> admit(snapshot, p, request, allowMutations, signedIn),
                filtered -> admit(snapshot, new GraphQLRequest(filtered, request.operationName(),
                        request.variables(), request.extensions()), allowMutations, caller),
                Admission.ANSWERS));
    }

    private static Future<Admission> refused(GraphQLResponse response) {
        return Future.succeededFuture(Admission.refused(response));
    }

    /** The checks that depend on the request (method, variables, cost budget), then validation and execution. */
    private Future<Admission> admit(GatewaySnapshot snapshot, PreparedOperation prepared, GraphQLRequest request,
                                    boolean allowMutations, boolean signedIn) {
        if (!prepared.ok()) {
            return refused(new GraphQLResponse(body(null, prepared.errors(), null, false), true,
                    false));
        }
        OperationDefinition op = prepared.operation();
        if (!allowMutations && op.getOperation() != OperationDefinition.Operation.QUERY) {
            return refused(new GraphQLResponse(body(null, List.of(Errors.error(
                    "only queries can be sent with GET; use POST", "METHOD_NOT_ALLOWED")), null, false), true, true));
        }
        Map<String, Object> variables = new HashMap<>(request.variables() == null ? Map.of() : request.variables());
        List<Map<String, Object>> variableErrors = applyDefaults(op, variables);
        if (!variableErrors.isEmpty()) {
            return refused(new GraphQLResponse(body(null, variableErrors, null, false), true, false));
        }
        Map<String, Object> refusal = demand.refusal(prepared.analysis().cost().evaluate(variables), signedIn);
        if (refusal != null) {
            return refused(requestError(refusal));
        }
        PreparedOperation.Planned planned = prepared.planned();
        Future<PreparedOperation.Planned> ready = planned != null ? Future.succeededFuture(planned)
                : vertx.executeBlocking(() -> prepared.plan(() -> validateAndPlan(snapshot, prepared)), false);
        return ready.map(p -> p.ok() ? new Admission(null, prepared, p, variables)
                : Admission.refused(new GraphQLResponse(body(null, p.errors(), null, false), true, false)));
    }

    /** Executes an admitted query or mutation, as {@link #process} does (for transports that admit first). */
    public Future<GraphQLResponse> execute(GatewaySnapshot snapshot, Admission admitted,
                                           Map<String, String> forwardedHeaders) {
        return execute(snapshot, admitted.prepared(), admitted.planned(), admitted.variables(), forwardedHeaders,
                false, false, false).map(r -> AccessErrors.prepend(r, admitted.accessErrors()));
    }

    private Future<GraphQLResponse> execute(GatewaySnapshot snapshot, PreparedOperation prepared,
                                            PreparedOperation.Planned planned, Map<String, Object> variables,
                                            Map<String, String> forwardedHeaders, boolean showPlan,
                                            boolean incremental, boolean written) {
        if (!introspectionEnabled && planned.plan().introspection()) {
            return Future.succeededFuture(requestError(Errors.error("introspection is disabled on this gateway",
                    "INTROSPECTION_DISABLED")));
        }
        OperationDefinition op = prepared.operation();
        if (incremental && !planned.plan().introspection() && op.getOperation() == OperationDefinition.Operation.QUERY
                && prepared.deferPlans().defers(variables)) {
            return executeDeferred(snapshot, prepared, variables, forwardedHeaders, showPlan);
        }
        Supergraph supergraph = snapshot.supergraph();
        return executor.execute(supergraph, planned.plan(), variables, forwardedHeaders).map(state -> {
            if (planned.plan().introspection()) {
                introspect(snapshot, prepared, variables, state);
            }
            GraphQLObjectType rootType = op.getOperation() == OperationDefinition.Operation.MUTATION
                    ? supergraph.apiSchema().getMutationType() : supergraph.apiSchema().getQueryType();
            List<Map<String, Object>> errors = state.errors();
            ResponseShaper shaper = new ResponseShaper(supergraph.apiSchema(), prepared.fragments(), variables,
                    errors, demand.weights(supergraph), prepared.shapeCache());
            Object data;
            if (written) {
                ByteBuf buffer = Unpooled.buffer(prepared.bodySizeHint());
                buffer.writeBytes(RawJson.DATA_PREFIX);
                shaper.shapeInto(new JsonOut(buffer, executor.mapper()), rootType, op.getSelectionSet(), state.data());
                prepared.bodySize(buffer.writerIndex());
                data = new RawJson(buffer, RawJson.DATA_PREFIX.length);
            } else {
                data = shaper.shape(rootType, op.getSelectionSet(), state.data());
            }
            demand.recordActual(shaper.cost());
            Map<String, Object> extensions = null;
            if (showPlan) {
                extensions = new LinkedHashMap<>();
                extensions.put("queryPlan", QueryPlanRenderer.toMap(planned.plan()));
            }
            return new GraphQLResponse(body(data, errors, extensions, true), false, false);
        });
    }

    /** Deferred fragments delivered in parts: planned once per prepared operation and {@code @defer(if:)} values. */
    private Future<GraphQLResponse> executeDeferred(GatewaySnapshot snapshot, PreparedOperation prepared,
                                                    Map<String, Object> variables,
                                                    Map<String, String> forwardedHeaders, boolean showPlan) {
        DeferPlans plans = prepared.deferPlans();
        DeferPlan cached = plans.cached(variables);
        Future<DeferPlan> ready = cached != null ? Future.succeededFuture(cached)
                : vertx.executeBlocking(() -> plans.get(variables, () -> DeferPlanner.plan(snapshot.supergraph(),
                        snapshot.planner(), prepared.operation(), prepared.fragments(), variables)), false);
        return ready.transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(new GraphQLResponse(body(null, List.of(Errors.error(
                        ar.cause().getMessage(), "QUERY_PLANNING_FAILED")), null, false), true, false));
            }
            DeferPlan plan = ar.result();
            Map<String, Object> extensions = showPlan ? Map.of("queryPlan", DeferPlanRenderer.toMap(plan)) : null;
            return deferredExecutor.execute(snapshot.supergraph(), plan, variables, forwardedHeaders, extensions)
                    .map(r -> new GraphQLResponse(r.initial(), false, false, r.rest()));
        });
    }

    private void introspect(GatewaySnapshot snapshot, PreparedOperation prepared, Map<String, Object> variables,
                            ExecutionState state) {
        ExecutionResult result = snapshot.introspection().execute(prepared.operation(), prepared.fragments(),
                variables);
        if (result.getData() instanceof Map<?, ?> data) {
            data.forEach((k, v) -> state.data().put(String.valueOf(k), v));
        }
        for (GraphQLError e : result.getErrors()) {
            state.errors().add(e.toSpecification());
        }
    }

    /** Parse, pick the operation, analyse and check the limits: linear in the document, before any validation. */
    private PreparedOperation prepare(Supergraph supergraph, String query, String operationName) {
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                    .maxTokens(limits.maxTokens())
                    .maxCharacters(limits.maxQueryBytes()));
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(options).build());
        } catch (ParseCancelledException e) {
            return PreparedOperation.failed(List.of(Errors.error(e.getMessage(), "MAX_TOKENS_EXCEEDED")));
        } catch (InvalidSyntaxException e) {
            return PreparedOperation.failed(List.of(withLocation(Errors.error(e.getMessage(),
                    "GRAPHQL_PARSE_FAILED"), e.getLocation())));
        }
        OperationDefinition op = null;
        int operations = 0;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition o) {
                operations++;
                if (operationName == null || operationName.equals(o.getName())) {
                    op = op == null ? o : op;
                }
            } else if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        if (op == null) {
            return PreparedOperation.failed(List.of(Errors.error("unknown operation named '" + operationName + "'",
                    "OPERATION_NOT_FOUND")));
        }
        if (operationName == null && operations > 1) {
            return PreparedOperation.failed(List.of(Errors.error(
                    "the document has several operations: operationName is required", "OPERATION_NAME_REQUIRED")));
        }
        OperationAnalysis analysis;
        try {
            analysis = demand.analyze(supergraph, document, op);
        } catch (InvalidOperationException e) {
            return PreparedOperation.failed(List.of(Errors.error(e.getMessage(), "GRAPHQL_VALIDATION_FAILED")));
        }
        Map<String, Object> exceeded = limits.check(analysis);
        if (exceeded != null) {
            return PreparedOperation.failed(List.of(exceeded));
        }
        return new PreparedOperation(op, Map.copyOf(fragments), analysis, List.of(), document);
    }

    /** graphql-java's validation (super-linear on some shapes, hence only after the limits) and planning. */
    private PreparedOperation.Planned validateAndPlan(GatewaySnapshot snapshot, PreparedOperation prepared) {
        List<ValidationError> validation = ParseAndValidate.validate(snapshot.supergraph().apiSchema(),
                prepared.document());
        if (!validation.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ValidationError v : validation) {
                Map<String, Object> e = Errors.error(v.getDescription() != null ? v.getDescription()
                        : v.getMessage(), "GRAPHQL_VALIDATION_FAILED");
                errors.add(v.getLocations().isEmpty() ? e : withLocation(e, v.getLocations().get(0)));
            }
            return PreparedOperation.Planned.failed(errors);
        }
        try {
            return new PreparedOperation.Planned(snapshot.planner().plan(prepared.operation(),
                    new HashMap<>(prepared.fragments())), List.of());
        } catch (PlanningException e) {
            return PreparedOperation.Planned.failed(List.of(Errors.error(e.getMessage(), "QUERY_PLANNING_FAILED")));
        }
    }

    /** Fills defaults of absent variables and rejects absent required ones. */
    private static List<Map<String, Object>> applyDefaults(OperationDefinition op, Map<String, Object> variables) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (VariableDefinition vd : op.getVariableDefinitions()) {
            if (variables.containsKey(vd.getName())) {
                if (variables.get(vd.getName()) == null && vd.getType() instanceof NonNullType) {
                    errors.add(Errors.error("variable $" + vd.getName() + " must not be null", "BAD_USER_INPUT"));
                }
                continue;
            }
            if (vd.getDefaultValue() != null) {
                variables.put(vd.getName(), javaValue(vd.getDefaultValue()));
            } else if (vd.getType() instanceof NonNullType) {
                errors.add(Errors.error("variable $" + vd.getName() + " of required type was not provided",
                        "BAD_USER_INPUT"));
            }
        }
        return errors;
    }

    private static Object javaValue(Value<?> v) {
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof IntValue i) {
            return i.getValue();
        }
        if (v instanceof FloatValue f) {
            return f.getValue();
        }
        if (v instanceof StringValue s) {
            return s.getValue();
        }
        if (v instanceof EnumValue e) {
            return e.getName();
        }
        if (v instanceof NullValue) {
            return null;
        }
        if (v instanceof ArrayValue a) {
            List<Object> out = new ArrayList<>();
            a.getValues().forEach(x -> out.add(javaValue(x)));
            return out;
        }
        if (v instanceof ObjectValue o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (ObjectField f : o.getObjectFields()) {
                out.put(f.getName(), javaValue(f.getValue()));
            }
            return out;
        }
        return null;
    }

    private static Map<String, Object> withLocation(Map<String, Object> error, SourceLocation location) {
        if (location != null && location.getLine() > 0) {
            Map<String, Object> loc = new LinkedHashMap<>();
            loc.put("line", location.getLine());
            loc.put("column", location.getColumn());
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("message", error.get("message"));
            copy.put("locations", List.of(loc));
            if (error.containsKey("extensions")) {
                copy.put("extensions", error.get("extensions"));
            }
            return copy;
        }
        return error;
    }

    private static GraphQLResponse requestError(Map<String, Object> error) {
        return new GraphQLResponse(body(null, List.of(error), null, false), true, false);
    }

    private static Map<String, Object> body(Object data, List<Map<String, Object>> errors,
                                            Map<String, Object> extensions, boolean withData) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            out.put("errors", errors);
        }
        if (withData) {
            out.put("data", data);
        }
        if (extensions != null) {
            out.put("extensions", extensions);
        }
        return out;
    }
}
