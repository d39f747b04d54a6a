package org.epicontrol.gateway.access;

import java.util.Map;
import java.util.Set;

/**
 * The access directives of one supergraph version ({@code @authenticated}, {@code @requiresScopes}, {@code @policy}),
 * ready for lookups while an operation is walked. A field's requirement already includes its own type's and its
 * return type's, and for a field of an interface the requirements of that field and type in every implementation
 * (the value may be any of them). Immutable; built by {@link AccessDirectivesReader}.
 */
public final class AccessRequirements {
    public static final AccessRequirements NONE = new AccessRequirements(Map.of(), Map.of(), Set.of());

    private final Map<String, Requirement> types;
    private final Map<String, Map<String, Requirement>> fields;
    private final Set<String> policies;

    AccessRequirements(Map<String, Requirement> types, Map<String, Map<String, Requirement>> fields,
                       Set<String> policies) {
        this.types = Map.copyOf(types);
        Map<String, Map<String, Requirement>> copy = new java.util.HashMap<>();
        fields.forEach((t, f) -> copy.put(t, Map.copyOf(f)));
        this.fields = Map.copyOf(copy);
        this.policies = Set.copyOf(policies);
    }

    /** No directive anywhere: nothing to check. */
    public boolean isEmpty() {
        return types.isEmpty() && fields.isEmpty();
    }

    /** What a fragment on {@code typeName} needs (the directives on that type). */
    public Requirement type(String typeName) {
        return types.getOrDefault(typeName, Requirement.NONE);
    }

    /** What selecting {@code typeName.fieldName} needs. */
    public Requirement field(String typeName, String fieldName) {
        Map<String, Requirement> byField = fields.get(typeName);
        return byField == null ? Requirement.NONE : byField.getOrDefault(fieldName, Requirement.NONE);
    }

    /** Every policy name the supergraph mentions. */
    public Set<String> policies() {
        return policies;
    }
}
