package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLObjectType;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.ResponseShaper;
import org.epicontrol.gateway.request.Admission;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * One subgraph event to one client result: the subscription's plan runs with the event as its root fetch's answer
 * (the other subgraphs' fields by the ordinary entity fetches), then the result is shaped as a query's would be and
 * serialised once for every subscriber that shares it.
 */
final class EventResolver {
    private final PlanExecutor executor;
    private final ObjectMapper mapper;
    private final Supergraph supergraph;
    private final Admission admission;
    private final Map<String, String> headers;

    EventResolver(PlanExecutor executor, ObjectMapper mapper, Supergraph supergraph, Admission admission,
                  Map<String, String> headers) {
        this.executor = executor;
        this.mapper = mapper;
        this.supergraph = supergraph;
        this.admission = admission;
        this.headers = headers;
    }

    Future<String> resolve(Map<String, Object> event) {
        return executor.executeForEvent(supergraph, admission.planned().plan(), event, admission.variables(), headers)
                .map(state -> {
                    GraphQLObjectType root = supergraph.apiSchema().getSubscriptionType();
                    List<Map<String, Object>> errors = state.errors();
                    Map<String, Object> data = new ResponseShaper(supergraph.apiSchema(),
                            admission.prepared().fragments(), admission.variables(), errors)
                            .shape(root, admission.prepared().operation().getSelectionSet(), state.data());
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("data", data);
                    // the fields the access directives removed are reported with every event, first
                    List<Map<String, Object>> all = admission.accessErrors().isEmpty() ? errors
                            : new java.util.ArrayList<>(admission.accessErrors());
                    if (all != errors) {
                        all.addAll(errors);
                    }
                    if (!all.isEmpty()) {
                        result.put("errors", all);
                    }
                    try {
                        return mapper.writeValueAsString(result);
                    } catch (Exception e) {
                        throw new IllegalStateException("could not serialise a subscription result", e);
                    }
                });
    }
}
