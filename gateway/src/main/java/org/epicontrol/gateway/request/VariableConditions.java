package org.epicontrol.gateway.request;

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
import java.util.List;
import java.util.Map;

/** Whether an operation's {@code @skip}/{@code @include} take a variable (then its shape differs per request). */
final class VariableConditions {
    private VariableConditions() {
    }

    static boolean any(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        if (any(operation.getSelectionSet())) {
            return true;
        }
        for (FragmentDefinition f : fragments.values()) {
            if (any(f.getSelectionSet())) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(SelectionSet set) {
        if (set == null) {
            return false;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                if (any(f.getDirectives()) || any(f.getSelectionSet())) {
                    return true;
                }
            } else if (s instanceof InlineFragment i) {
                if (any(i.getDirectives()) || any(i.getSelectionSet())) {
                    return true;
                }
            } else if (s instanceof FragmentSpread sp && any(sp.getDirectives())) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<Directive> directives) {
        for (Directive d : directives) {
            if (d.getName().equals("skip") || d.getName().equals("include")) {
                Argument a = d.getArgument("if");
                if (a == null || a.getValue() instanceof VariableReference) {
                    return true;
                }
            }
        }
        return false;
    }
}
