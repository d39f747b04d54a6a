package org.epicontrol.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.jboss.logging.Logger;

/**
 * The first gate of the access directives, before cost and planning: takes out of an operation what the caller may
 * not read ({@link OperationFilter}), answers the rest by running the filtered operation (planned and cached as an
 * operation of its own), and puts an error at each removed path. The policies the walk meets without a decision are
 * decided all at once ({@link PolicyDecisions}), then the walk is repeated. With no directive in the supergraph
 * nothing is walked.
 */
public final class AccessGate {
    private static final Logger LOG = Logger.getLogger(AccessGate.class);
    static final String UNAUTHORIZED = "UNAUTHORIZED_FIELD_OR_TYPE";
    static final String UNDECIDED = "POLICY_DECISION_UNAVAILABLE";
    private static final int MAX_OPERATIONS = 10_000;

    private final AccessSettings settings;
    private final PolicyDecisions decisions;
    /** Weak keys: an operation evicted from the prepared-operation cache takes its entry with it. */
    private final Cache<OperationDefinition, RequirementsMet> metByOperation = Caffeine.newBuilder().weakKeys()
            .maximumSize(MAX_OPERATIONS).build();

    public AccessGate(AccessSettings settings, PolicyDecisions decisions) {
        this.settings = settings;
        this.decisions = decisions;
    }

    public static AccessGate off() {
        return new AccessGate(AccessSettings.OFF, PolicyDecisions.NONE);
    }

    /** What the gate answers with: a response, or what comes before one (the admission of a subscription). */
    public interface Answers<T> {
        /** The answer when nothing of the operation is left. */
        T answer(GraphQLResponse response);

        /** The answer with the errors of the removed fields put first. */
        T withErrors(T answer, List<Map<String, Object>> errors);
    }

    private static final Answers<GraphQLResponse> RESPONSES = new Answers<>() {
        @Override
        public GraphQLResponse answer(GraphQLResponse response) {
            return response;
        }

        @Override
        public GraphQLResponse withErrors(GraphQLResponse answer, List<Map<String, Object>> errors) {
            return AccessErrors.prepend(answer, errors);
        }
    };

    /**
     * @param proceed     runs the operation as it is (nothing removed)
     * @param runFiltered runs another document (the filtered operation, same operation name and variables)
     */
    public Future<GraphQLResponse> admit(Supergraph supergraph, OperationDefinition operation,
                                         Map<String, FragmentDefinition> fragments, Caller caller,
                                         Supplier<Future<GraphQLResponse>> proceed,
                                         Function<String, Future<GraphQLResponse>> runFiltered) {
        return admit(supergraph, operation, fragments, caller, proceed, runFiltered, RESPONSES);
    }

    /** As above, answering with {@code T}. */
    public <T> Future<T> admit(Supergraph supergraph, OperationDefinition operation,
                               Map<String, FragmentDefinition> fragments, Caller caller, Supplier<Future<T>> proceed,
                               Function<String, Future<T>> runFiltered, Answers<T> answers) {
        AccessRequirements requirements = supergraph.access();
        if (!settings.enabled() || operation == null || requirements.isEmpty()) {
            return proceed.get();
        }
        RequirementsMet met = requirementsMet(supergraph, operation, fragments);
        if (met.allAllowed(new Grants(caller, policy -> decisions.known(caller, policy)))) {
            return proceed.get(); // nothing to remove: no walk
        }
        Grants known = new Grants(caller, policy -> decisions.known(caller, policy)); // its own missing policies
        OperationFilter.Result result = new OperationFilter(supergraph.apiSchema(), requirements, fragments, known)
                .filter(operation);
        if (known.missing().isEmpty()) {
            return apply(result, operation, proceed, runFiltered, answers);
        }
        return decisions.decide(caller, known.missing()).compose(fresh -> {
            Grants decided = new Grants(caller, policy -> {
                PolicyDecision d = fresh.get(policy);
                d = d != null ? d : decisions.known(caller, policy);
                return d != null ? d : PolicyDecision.UNAVAILABLE;
            });
            return apply(new OperationFilter(supergraph.apiSchema(), requirements, fragments, decided)
                    .filter(operation), operation, proceed, runFiltered, answers);
        });
    }

    /** Found once per operation (by identity: prepared operations are cached) and supergraph. */
    private RequirementsMet requirementsMet(Supergraph supergraph, OperationDefinition operation,
                                            Map<String, FragmentDefinition> fragments) {
        RequirementsMet met = metByOperation.getIfPresent(operation);
        if (met == null || met.access() != supergraph.access()) {
            met = RequirementsMet.of(supergraph, operation, fragments);
            metByOperation.put(operation, met);
        }
        return met;
    }

    private <T> Future<T> apply(OperationFilter.Result result, OperationDefinition operation,
                                Supplier<Future<T>> proceed, Function<String, Future<T>> runFiltered,
                                Answers<T> answers) {
        if (result.unchanged()) {
            return proceed.get();
        }
        if (settings.logErrors()) {
            LOG.infof("%s %s: %s", settings.dryRun() ? "would remove (dry run) from" : "removed from",
                    operation.getName() == null ? "an anonymous operation" : operation.getName(),
                    result.removals());
        }
        List<Map<String, Object>> errors = settings.errorsInResponse() ? AccessErrors.of(result.removals())
                : List.of();
        if (settings.dryRun()) {
            return proceed.get().map(r -> answers.withErrors(r, errors));
        }
        if (result.nothingLeft()) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!errors.isEmpty()) {
                body.put("errors", new ArrayList<>(errors));
            }
            body.put("data", null);
            return Future.succeededFuture(answers.answer(new GraphQLResponse(body, false, false)));
        }
        String filtered = AstPrinter.printAstCompact(Document.newDocument().definition(result.operation()).build());
        return runFiltered.apply(filtered).map(r -> answers.withErrors(r, errors));
    }
}
