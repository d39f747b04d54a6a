package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.stringLists;

import graphql.language.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The access directives of one element ({@code @authenticated}, {@code @requiresScopes}, {@code @policy} of
 * Federation 2.5/2.6), merged over the subgraphs that define it as Apollo composition does: every subgraph's
 * requirement holds (AND): {@code @authenticated} if any subgraph says so, scopes and policies as the conjunction of
 * their DNFs ({@link DnfConjunction}).
 *
 * @param scopes   null without {@code @requiresScopes}
 * @param policies null without {@code @policy}
 */
record AccessDirectives(boolean authenticated, List<List<String>> scopes, List<List<String>> policies) {

    static final String AUTHENTICATED_LINK =
            "  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n";
    static final String REQUIRES_SCOPES_LINK =
            "  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)\n";
    static final String POLICY_LINK = "  @link(url: \"https://specs.apollo.dev/policy/v0.1\", for: SECURITY)\n";
    private static final String LOCATIONS = " on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n";
    static final String AUTHENTICATED_DEFINITION = "directive @authenticated" + LOCATIONS;
    static final String REQUIRES_SCOPES_DEFINITION = "directive @requiresScopes(scopes: "
            + "[[requiresScopes__Scope!]!]!)" + LOCATIONS;
    static final String POLICY_DEFINITION = "directive @policy(policies: [[policy__Policy!]!]!)" + LOCATIONS;
    static final String REQUIRES_SCOPES_SCALAR = "scalar requiresScopes__Scope\n";
    static final String POLICY_SCALAR = "scalar policy__Policy\n";

    /**
     * The merged requirements, or null when no subgraph sets any here.
     *
     * @param where  the element, for the error
     * @param errors gets an error when a merged requirement grows beyond {@link DnfConjunction#MAX_CONJUNCTIONS}
     */
    static AccessDirectives merge(List<FromSubgraph<List<Directive>>> sources, String where,
                                  List<CompositionError> errors) {
        boolean authenticated = false;
        List<List<List<String>>> scopes = new ArrayList<>();
        List<List<List<String>>> policies = new ArrayList<>();
        for (FromSubgraph<List<Directive>> s : sources) {
            authenticated |= s.graph().hasDirective(s.value(), "authenticated");
            s.graph().directives(s.value(), "requiresScopes")
                    .forEach(d -> scopes.add(stringLists(argument(d, "scopes"))));
            s.graph().directives(s.value(), "policy")
                    .forEach(d -> policies.add(stringLists(argument(d, "policies"))));
        }
        List<List<String>> mergedScopes = conjunction(scopes, "@requiresScopes", where, errors);
        List<List<String>> mergedPolicies = conjunction(policies, "@policy", where, errors);
        if (!authenticated && mergedScopes == null && mergedPolicies == null) {
            return null;
        }
        return new AccessDirectives(authenticated, mergedScopes, mergedPolicies);
    }

    private static List<List<String>> conjunction(List<List<List<String>>> dnfs, String directive, String where,
                                                  List<CompositionError> errors) {
        if (dnfs.isEmpty()) {
            return null;
        }
        List<List<String>> merged = DnfConjunction.of(dnfs);
        if (merged == null) {
            errors.add(new CompositionError("AUTH_REQUIREMENTS_TOO_LARGE", directive + " on " + where + " merges "
                    + "into more than " + DnfConjunction.MAX_CONJUNCTIONS + " alternatives over its subgraphs"));
            return null;
        }
        boolean none = merged.isEmpty() || merged.size() == 1 && merged.get(0).isEmpty();
        return none ? null : merged;
    }

    /** As applied in the supergraph, with a leading space. */
    String print() {
        StringBuilder out = new StringBuilder();
        if (authenticated) {
            out.append(" @authenticated");
        }
        if (scopes != null) {
            out.append(" @requiresScopes(scopes: ").append(dnf(scopes)).append(')');
        }
        if (policies != null) {
            out.append(" @policy(policies: ").append(dnf(policies)).append(')');
        }
        return out.toString();
    }

    private static String dnf(List<List<String>> dnf) {
        return dnf.stream().map(c -> c.stream().map(SdlText::quote).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
