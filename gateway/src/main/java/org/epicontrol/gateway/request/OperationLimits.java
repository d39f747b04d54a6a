package org.epicontrol.gateway.request;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Depth and alias limits, checked on the parsed document before validation and planning. */
public record OperationLimits(int maxDepth, int maxAliases, int maxQueryBytes, int maxTokens) {

    /** A message naming the exceeded limit, or null. */
    public String check(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        int aliases = 0;
        for (Definition<?> d : document.getDefinitions()) {
            SelectionSet s = d instanceof OperationDefinition o ? o.getSelectionSet()
                    : d instanceof FragmentDefinition f ? f.getSelectionSet() : null;
            aliases += aliases(s);
            if (d instanceof OperationDefinition o) {
                int depth = depth(o.getSelectionSet(), fragments, new HashSet<>());
                if (depth > maxDepth) {
                    return "operation depth " + depth + " exceeds the limit of " + maxDepth;
                }
            }
        }
        if (aliases > maxAliases) {
            return "operation uses " + aliases + " aliases, more than the limit of " + maxAliases;
        }
        return null;
    }

    private static int depth(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> visiting) {
        if (set == null) {
            return 0;
        }
        int max = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                max = Math.max(max, 1 + depth(f.getSelectionSet(), fragments, visiting));
            } else if (s instanceof InlineFragment i) {
                max = Math.max(max, depth(i.getSelectionSet(), fragments, visiting));
            } else if (s instanceof FragmentSpread sp) {
                FragmentDefinition def = fragments.get(sp.getName());
                if (def != null && visiting.add(sp.getName())) { // cycles are rejected later by validation
                    max = Math.max(max, depth(def.getSelectionSet(), fragments, visiting));
                    visiting.remove(sp.getName());
                }
            }
        }
        return max;
    }

    private static int aliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        int n = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                n += (f.getAlias() != null ? 1 : 0) + aliases(f.getSelectionSet());
            } else if (s instanceof InlineFragment i) {
                n += aliases(i.getSelectionSet());
            }
        }
        return n;
    }
}
