package org.epicontrol.gateway.access;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the variable definitions a filtered operation no longer uses (validation refuses unused variables). The
 * operation has no fragment spreads left ({@link OperationFilter} inlines them).
 */
final class VariableUses {
    private VariableUses() {
    }

    static OperationDefinition keepUsed(OperationDefinition op) {
        Set<String> used = new HashSet<>();
        directives(op.getDirectives(), used);
        selections(op.getSelectionSet(), used);
        if (op.getVariableDefinitions().stream().allMatch(v -> used.contains(v.getName()))) {
            return op;
        }
        return op.transform(b -> b.variableDefinitions(op.getVariableDefinitions().stream()
                .filter(v -> used.contains(v.getName())).toList()));
    }

    private static void selections(SelectionSet set, Set<String> used) {
        if (set == null) {
            return;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                for (Argument a : f.getArguments()) {
                    value(a.getValue(), used);
                }
                directives(f.getDirectives(), used);
                selections(f.getSelectionSet(), used);
            } else if (s instanceof InlineFragment i) {
                directives(i.getDirectives(), used);
                selections(i.getSelectionSet(), used);
            }
        }
    }

    private static void directives(List<Directive> directives, Set<String> used) {
        for (Directive d : directives) {
            for (Argument a : d.getArguments()) {
                value(a.getValue(), used);
            }
        }
    }

    private static void value(Value<?> v, Set<String> used) {
        if (v instanceof VariableReference r) {
            used.add(r.getName());
        } else if (v instanceof ArrayValue a) {
            a.getValues().forEach(x -> value(x, used));
        } else if (v instanceof ObjectValue o) {
            for (ObjectField f : o.getObjectFields()) {
                value(f.getValue(), used);
            }
        }
    }
}
