package org.epicontrol.gateway.defer;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The deferred plans of one prepared operation, cached beside it. Which fragments are deferred depends on the
 * variables of {@code @defer(if: $var)}, so plans are kept per combination of those values (at most
 * {@link #MAX_PLANS}; further combinations are planned per request).
 */
public final class DeferPlans {
    static final int MAX_PLANS = 16;

    private final Map<String, DeferPlan> plans = new ConcurrentHashMap<>();
    /** Whether a {@code @defer} without {@code if} or with {@code if: true} is in the operation. */
    private final boolean always;
    /** Variables of {@code @defer(if: $var)} in the operation. */
    private final List<String> switches;

    public DeferPlans(OperationDefinition op, Map<String, FragmentDefinition> fragments) {
        Set<String> names = new TreeSet<>();
        boolean[] always = {false};
        scan(op.getSelectionSet(), fragments, new HashSet<>(), names, always);
        this.always = always[0];
        this.switches = List.copyOf(names);
    }

    /** Whether the operation has an active {@code @defer} for these variables. */
    public boolean defers(Map<String, Object> variables) {
        return always || key(variables).contains("1");
    }

    /** The plan for these variables, planned by {@code plan} when not cached yet. */
    public DeferPlan get(Map<String, Object> variables, Supplier<DeferPlan> plan) {
        String key = key(variables);
        DeferPlan known = plans.get(key);
        if (known != null) {
            return known;
        }
        DeferPlan made = plan.get();
        if (plans.size() < MAX_PLANS) {
            plans.putIfAbsent(key, made);
        }
        return made;
    }

    /** Whether the plan for these variables is cached (else planning runs on a worker thread). */
    public DeferPlan cached(Map<String, Object> variables) {
        return plans.get(key(variables));
    }

    private String key(Map<String, Object> variables) {
        StringBuilder sb = new StringBuilder();
        for (String name : switches) {
            sb.append(Boolean.FALSE.equals(variables.get(name)) ? '0' : '1');
        }
        return sb.toString();
    }

    private static void scan(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen,
                             Set<String> names, boolean[] always) {
        if (set == null) {
            return;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                scan(f.getSelectionSet(), fragments, seen, names, always);
            } else if (s instanceof InlineFragment i) {
                directives(i.getDirectives(), names, always);
                scan(i.getSelectionSet(), fragments, seen, names, always);
            } else if (s instanceof FragmentSpread sp) {
                directives(sp.getDirectives(), names, always);
                FragmentDefinition def = fragments.get(sp.getName());
                if (def != null && seen.add(sp.getName())) {
                    scan(def.getSelectionSet(), fragments, seen, names, always);
                }
            }
        }
    }

    private static void directives(List<Directive> directives, Set<String> names, boolean[] always) {
        for (Directive d : directives) {
            if (d.getName().equals("defer")) {
                Argument a = d.getArgument("if");
                if (a != null && a.getValue() instanceof VariableReference r) {
                    names.add(r.getName());
                } else if (DeferSplitter.active(d, Map.of())) {
                    always[0] = true;
                }
            }
        }
    }
}
