package org.epicontrol.gateway.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conjunction (AND) of requirements in disjunctive normal form, as Apollo composition merges
 * {@code @requiresScopes(scopes:)} and {@code @policy(policies:)} of one element over its subgraphs: an inner list is
 * an AND of names, the outer list an OR of those. The product of all disjuncts, each conjunction without repeated
 * names, then without conjunctions that contain a smaller one ({@code A OR (A AND B)} is {@code A}). An empty
 * requirement ({@code []}) means "no requirement".
 */
final class DnfConjunction {

    /** More conjunctions than this in one merged requirement is an error, not a long composition. */
    static final int MAX_CONJUNCTIONS = 1000;

    private DnfConjunction() {
    }

    /**
     * @param requirements one DNF per subgraph
     * @return the merged DNF, conjunctions and names sorted; null when it would exceed {@link #MAX_CONJUNCTIONS}
     */
    static List<List<String>> of(List<List<List<String>>> requirements) {
        Set<List<Set<String>>> distinct = new LinkedHashSet<>();
        for (List<List<String>> dnf : requirements) {
            distinct.add(normalise(dnf));
        }
        List<Set<String>> result = null;
        for (List<Set<String>> next : distinct) {
            if (result == null) {
                result = next;
                continue;
            }
            if ((long) result.size() * next.size() > MAX_CONJUNCTIONS) {
                return null;
            }
            Set<Set<String>> product = new LinkedHashSet<>();
            for (Set<String> a : result) {
                for (Set<String> b : next) {
                    Set<String> both = new TreeSet<>(a);
                    both.addAll(b);
                    product.add(both);
                }
            }
            result = withoutSubsumed(product);
        }
        return result == null ? List.of() : result.stream().<List<String>>map(List::copyOf).toList();
    }

    /** Each conjunction as a sorted set; conjunctions sorted; {@code []} (no requirement) as one empty conjunction. */
    private static List<Set<String>> normalise(List<List<String>> dnf) {
        Set<Set<String>> conjunctions = new LinkedHashSet<>();
        for (List<String> c : dnf) {
            conjunctions.add(new TreeSet<>(c));
        }
        if (conjunctions.isEmpty()) {
            conjunctions.add(new TreeSet<>());
        }
        List<Set<String>> sorted = new ArrayList<>(conjunctions);
        sorted.sort(Comparator.comparing(Object::toString));
        return withoutSubsumed(sorted);
    }

    private static List<Set<String>> withoutSubsumed(Iterable<Set<String>> conjunctions) {
        List<Set<String>> bySize = new ArrayList<>();
        conjunctions.forEach(bySize::add);
        bySize.sort(Comparator.comparingInt(Set::size));
        List<Set<String>> kept = new ArrayList<>();
        for (Set<String> candidate : bySize) {
            if (kept.stream().noneMatch(candidate::containsAll)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
