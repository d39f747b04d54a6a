package org.epicontrol.gateway.execute;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers {@code __schema} and {@code __type} with graphql-java against the API schema. The operation is cut
 * down to those root fields first, so the rest of it (planned for subgraphs) is never executed here.
 */
public final class Introspection {
    private final GraphQL graphQL;

    public Introspection(GraphQLSchema apiSchema) {
        this.graphQL = GraphQL.newGraphQL(apiSchema).build();
    }

    /** The introspection part of the result, keyed by response key, plus its errors. */
    public ExecutionResult execute(OperationDefinition op, Map<String, FragmentDefinition> fragments,
                                   Map<String, Object> variables) {
        SelectionSet pruned = prune(op.getSelectionSet(), fragments);
        OperationDefinition only = op.transform(b -> b.selectionSet(pruned));
        List<Definition> definitions = new ArrayList<>();
        definitions.add(only);
        Set<String> used = new LinkedHashSet<>();
        spreads(pruned, fragments, used);
        for (String name : used) {
            definitions.add(fragments.get(name));
        }
        String query = AstPrinter.printAst(Document.newDocument().definitions(definitions).build());
        return graphQL.execute(ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(op.getName())
                .variables(variables)
                .build());
    }

    private static SelectionSet prune(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        List<Selection> kept = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                if (f.getName().equals("__schema") || f.getName().equals("__type")) {
                    kept.add(f);
                }
            } else if (s instanceof InlineFragment i) {
                SelectionSet sub = prune(i.getSelectionSet(), fragments);
                if (!sub.getSelections().isEmpty()) {
                    kept.add(i.transform(b -> b.selectionSet(sub)));
                }
            } else if (s instanceof FragmentSpread sp && fragments.containsKey(sp.getName())) {
                FragmentDefinition def = fragments.get(sp.getName());
                SelectionSet sub = prune(def.getSelectionSet(), fragments);
                if (!sub.getSelections().isEmpty()) {
                    kept.add(InlineFragment.newInlineFragment().typeCondition(def.getTypeCondition())
                            .directives(sp.getDirectives()).selectionSet(sub).build());
                }
            }
        }
        if (kept.isEmpty()) {
            kept.add(Field.newField("__typename").build());
        }
        return SelectionSet.newSelectionSet(kept).build();
    }

    private static void spreads(Node<?> node, Map<String, FragmentDefinition> fragments, Set<String> into) {
        if (node instanceof FragmentSpread sp && fragments.containsKey(sp.getName()) && into.add(sp.getName())) {
            spreads(fragments.get(sp.getName()), fragments, into);
        }
        for (Node<?> child : node.getChildren()) {
            spreads(child, fragments, into);
        }
    }
}
