package org.epicontrol.gateway.access;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Every requirement the filter's walk can meet in one operation (fields and fragment type conditions, none of the
 * empty ones), found once per operation by the same walk with every requirement allowed. A caller who holds all of
 * them gets the operation unchanged, so the walk is not repeated per request; any other caller is walked in full.
 *
 * @param access the requirements of the supergraph they were found in (a reloaded supergraph finds them again)
 */
record RequirementsMet(AccessRequirements access, List<Requirement> requirements) {

    static RequirementsMet of(Supergraph supergraph, OperationDefinition operation,
                              Map<String, FragmentDefinition> fragments) {
        Set<Requirement> met = new LinkedHashSet<>();
        new OperationFilter(supergraph.apiSchema(), supergraph.access(), fragments, r -> {
            if (!r.isNone()) {
                met.add(r);
            }
            return Verdict.ALLOWED;
        }).filter(operation);
        return new RequirementsMet(supergraph.access(), List.copyOf(met));
    }

    /** Whether {@code grants} allow every requirement met (undecided policies are not allowed). */
    boolean allAllowed(RequirementCheck grants) {
        for (Requirement r : requirements) {
            if (grants.check(r) != Verdict.ALLOWED) {
                return false;
            }
        }
        return true;
    }
}
