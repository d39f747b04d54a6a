package org.epicontrol.gateway.plan;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A selection set being built for one subgraph fetch. Adding the same field (same response key, arguments and
 * directives) or the same fragment twice merges them, so the planner can add key fields without duplicates.
 */
final class SelectionTree {

    /** A field; {@code sub} is null for leaves. */
    static final class FieldNode {
        final String responseKey;
        final String name;
        final List<Argument> arguments;
        final List<Directive> directives;
        SelectionTree sub;
        /** Asked under this alias instead (renamed back in the answer); null for none. */
        String fetchAlias;

        FieldNode(String responseKey, String name, List<Argument> arguments, List<Directive> directives) {
            this.responseKey = responseKey;
            this.name = name;
            this.arguments = arguments;
            this.directives = directives;
        }

        SelectionTree sub() {
            if (sub == null) {
                sub = new SelectionTree();
            }
            return sub;
        }
    }

    /** An inline fragment; a null type condition keeps only directives ({@code ... @include(if: $x)}). */
    static final class FragmentNode {
        final String typeCondition;
        final List<Directive> directives;
        final SelectionTree sub = new SelectionTree();

        FragmentNode(String typeCondition, List<Directive> directives) {
            this.typeCondition = typeCondition;
            this.directives = directives;
        }
    }

    private final Map<String, Object> items = new LinkedHashMap<>();

    boolean isEmpty() {
        return items.isEmpty();
    }

    FieldNode field(String responseKey, String name, List<Argument> arguments, List<Directive> directives) {
        String key = "f:" + responseKey + "|" + print(directives);
        Object existing = items.get(key);
        if (existing instanceof FieldNode f) {
            if (!f.name.equals(name) || !print(f.arguments).equals(print(arguments))) {
                throw new PlanningException("response key '" + responseKey + "' is used for two different fields ("
                        + f.name + " and " + name + ") in one subgraph selection; rename the alias");
            }
            return f;
        }
        FieldNode f = new FieldNode(responseKey, name, arguments, directives);
        items.put(key, f);
        return f;
    }

    void typename() {
        field("__typename", "__typename", List.of(), List.of());
    }

    SelectionTree fragment(String typeCondition, List<Directive> directives) {
        if (typeCondition == null && directives.isEmpty()) {
            return this;
        }
        String key = "t:" + typeCondition + "|" + print(directives);
        return ((FragmentNode) items.computeIfAbsent(key, k -> new FragmentNode(typeCondition, directives))).sub;
    }

    /** The selection set as graphql-java AST; composite fields left empty get {@code __typename}. */
    SelectionSet toAst() {
        List<Selection> out = new ArrayList<>();
        for (Object item : items.values()) {
            if (item instanceof FieldNode f) {
                String alias = f.fetchAlias != null ? f.fetchAlias : f.responseKey;
                Field.Builder b = Field.newField(f.name)
                        .alias(alias.equals(f.name) ? null : alias)
                        .arguments(f.arguments)
                        .directives(f.directives);
                if (f.sub != null) {
                    if (f.sub.isEmpty()) {
                        f.sub.typename();
                    }
                    b.selectionSet(f.sub.toAst());
                }
                out.add(b.build());
            } else if (item instanceof FragmentNode fr && !fr.sub.isEmpty()) {
                out.add(InlineFragment.newInlineFragment()
                        .typeCondition(fr.typeCondition == null ? null : TypeName.newTypeName(fr.typeCondition).build())
                        .directives(fr.directives)
                        .selectionSet(fr.sub.toAst())
                        .build());
            }
        }
        return SelectionSet.newSelectionSet(out).build();
    }

    /** The fetch aliases to undo in an answer to this selection. */
    List<PlanNode.Rename> renames() {
        List<PlanNode.Rename> out = new ArrayList<>();
        for (Object item : items.values()) {
            if (item instanceof FieldNode f) {
                List<PlanNode.Rename> nested = f.sub == null ? List.of() : f.sub.renames();
                if (f.fetchAlias != null || !nested.isEmpty()) {
                    out.add(new PlanNode.Rename(f.fetchAlias != null ? f.fetchAlias : f.responseKey, f.responseKey,
                            nested));
                }
            } else if (item instanceof FragmentNode fr) {
                out.addAll(fr.sub.renames());
            }
        }
        return out;
    }

    /** Response keys of the first level (through fragments), except {@code __typename}. */
    void topLevelKeys(Set<String> into) {
        for (Object item : items.values()) {
            if (item instanceof FieldNode f && !f.name.equals("__typename")) {
                into.add(f.responseKey);
            } else if (item instanceof FragmentNode fr) {
                fr.sub.topLevelKeys(into);
            }
        }
    }

    /** Names of the variables referenced by arguments and directives anywhere in the tree. */
    void variables(Set<String> into) {
        for (Object item : items.values()) {
            if (item instanceof FieldNode f) {
                f.arguments.forEach(a -> variables(a.getValue(), into));
                f.directives.forEach(d -> d.getArguments().forEach(a -> variables(a.getValue(), into)));
                if (f.sub != null) {
                    f.sub.variables(into);
                }
            } else if (item instanceof FragmentNode fr) {
                fr.directives.forEach(d -> d.getArguments().forEach(a -> variables(a.getValue(), into)));
                fr.sub.variables(into);
            }
        }
    }

    private static void variables(Value<?> v, Set<String> into) {
        if (v instanceof VariableReference r) {
            into.add(r.getName());
        } else if (v instanceof ArrayValue a) {
            a.getValues().forEach(x -> variables(x, into));
        } else if (v instanceof ObjectValue o) {
            for (ObjectField of : o.getObjectFields()) {
                variables(of.getValue(), into);
            }
        }
    }

    /** Leaves and nested fields as {@link PlanNode.RequiredField}s (fragments are folded in). */
    List<PlanNode.RequiredField> requiredFields() {
        return requiredFields(null);
    }

    private List<PlanNode.RequiredField> requiredFields(String typeCondition) {
        List<PlanNode.RequiredField> out = new ArrayList<>();
        for (Object item : items.values()) {
            if (item instanceof FieldNode f) {
                out.add(new PlanNode.RequiredField(f.name, f.responseKey, typeCondition,
                        f.sub == null ? null : f.sub.requiredFields()));
            } else if (item instanceof FragmentNode fr) {
                out.addAll(fr.sub.requiredFields(fr.typeCondition != null ? fr.typeCondition : typeCondition));
            }
        }
        return out;
    }

    private static String print(List<? extends Node> nodes) {
        if (nodes.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Node<?> n : nodes) {
            sb.append(AstPrinter.printAstCompact(n)).append(' ');
        }
        return sb.toString();
    }
}
