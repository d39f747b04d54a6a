package org.epicontrol.gateway.plan;

import graphql.language.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code @skip}/{@code @include} directives a selection carries into every fetch that returns it. */
final class Conditions {
    private static final Set<String> NAMES = Set.of("skip", "include");

    private Conditions() {
    }

    static List<Directive> of(List<Directive> directives) {
        if (directives.isEmpty()) {
            return List.of();
        }
        return directives.stream().filter(d -> NAMES.contains(d.getName())).toList();
    }

    static List<Directive> concat(List<Directive> a, List<Directive> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<Directive> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
