package org.epicontrol.gateway.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller needs to read one field or type: a signed-in caller ({@code @authenticated}), and for each
 * {@code @requiresScopes} / {@code @policy} that applies, one of its alternatives in full (each clause is an OR of
 * ANDs; all clauses must hold). Immutable.
 */
public record Requirement(boolean authenticated, List<List<Set<String>>> scopeClauses,
                          List<List<Set<String>>> policyClauses) {

    public static final Requirement NONE = new Requirement(false, List.of(), List.of());

    public Requirement {
        scopeClauses = List.copyOf(scopeClauses);
        policyClauses = List.copyOf(policyClauses);
    }

    public static Requirement authenticatedOnly() {
        return new Requirement(true, List.of(), List.of());
    }

    public static Requirement scopes(List<Set<String>> alternatives) {
        return new Requirement(false, List.of(copy(alternatives)), List.of());
    }

    public static Requirement policies(List<Set<String>> alternatives) {
        return new Requirement(false, List.of(), List.of(copy(alternatives)));
    }

    public boolean isNone() {
        return !authenticated && scopeClauses.isEmpty() && policyClauses.isEmpty();
    }

    /** Both this and {@code other} must hold (the same clause twice is kept once). */
    public Requirement and(Requirement other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        return new Requirement(authenticated || other.authenticated, union(scopeClauses, other.scopeClauses),
                union(policyClauses, other.policyClauses));
    }

    /** Every policy name any clause mentions. */
    public Set<String> policyNames() {
        Set<String> out = new LinkedHashSet<>();
        policyClauses.forEach(clause -> clause.forEach(out::addAll));
        return out;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        for (T t : b) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Set<String>> copy(List<Set<String>> alternatives) {
        return alternatives.stream().map(Set::copyOf).toList();
    }
}
