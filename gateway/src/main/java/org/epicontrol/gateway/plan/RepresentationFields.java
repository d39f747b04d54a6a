package org.epicontrol.gateway.plan;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;

/** The key and {@code @requires} field sets of an entity representation, as selections and as trees. */
final class RepresentationFields {
    private RepresentationFields() {
    }

    /**
     * Required fields with arguments are fetched under an alias naming the arguments, so that they meet
     * neither the client's own selection of the field nor another requirement with other arguments.
     */
    static SelectionSet aliasArguments(SelectionSet set) {
        List<Selection> out = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                SelectionSet sub = f.getSelectionSet() == null ? null : aliasArguments(f.getSelectionSet());
                String alias = f.getArguments().isEmpty() ? f.getAlias()
                        : f.getName() + "__" + AstPrinter.printAstCompact(Field.newField(f.getName())
                                .arguments(f.getArguments()).build()).substring(f.getName().length())
                                .replaceAll("\\W+", "_").replaceAll("^_|_$", "");
                out.add(f.transform(b -> b.alias(alias).selectionSet(sub)));
            } else if (s instanceof InlineFragment i) {
                out.add(i.transform(b -> b.selectionSet(aliasArguments(i.getSelectionSet()))));
            } else {
                out.add(s);
            }
        }
        return SelectionSet.newSelectionSet(out).build();
    }

    /** Adds a field set (key or requires) to a representation tree. */
    static void addFieldSet(SelectionTree tree, SelectionSet set) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                SelectionTree.FieldNode node = tree.field(f.getAlias() != null ? f.getAlias() : f.getName(),
                        f.getName(), List.of(), List.of());
                if (f.getSelectionSet() != null) {
                    addFieldSet(node.sub(), f.getSelectionSet());
                }
            } else if (s instanceof InlineFragment i) {
                if (i.getTypeCondition() == null) {
                    addFieldSet(tree, i.getSelectionSet());
                } else {
                    // Objects of other types lack these fields; the subgraph tells them apart by type.
                    tree.typename();
                    addFieldSet(tree.fragment(i.getTypeCondition().getName(), List.of()), i.getSelectionSet());
                }
            }
        }
    }

    /** Whether the representation's fields include every field of the set. */
    static boolean covers(List<PlanNode.RequiredField> fields, SelectionSet set) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                PlanNode.RequiredField match = fields.stream().filter(r -> r.name().equals(f.getName()))
                        .findFirst().orElse(null);
                if (match == null || f.getSelectionSet() != null && (match.selections() == null
                        || !covers(match.selections(), f.getSelectionSet()))) {
                    return false;
                }
            } else if (s instanceof InlineFragment i && !covers(fields, i.getSelectionSet())) {
                return false;
            }
        }
        return true;
    }
}
