package org.epicontrol.gateway.access;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks an operation for one caller and takes out what the caller may not read: a field whose requirement fails
 * (for a field of an interface, in any implementation), a fragment whose type condition's requirement fails, and a
 * field whose selection is left empty (up to the root). {@code __typename} always stays. Fragment spreads are
 * inlined in the result (the walk follows each spread anyway, to report every path; the operation limits bound the
 * expanded size), so no fragment is left unused.
 */
final class OperationFilter {
    private final GraphQLSchema api;
    private final AccessRequirements requirements;
    private final Map<String, FragmentDefinition> fragments;
    private final RequirementCheck grants;
    private final List<Removal> removals = new ArrayList<>();

    OperationFilter(GraphQLSchema api, AccessRequirements requirements, Map<String, FragmentDefinition> fragments,
                    RequirementCheck grants) {
        this.api = api;
        this.requirements = requirements;
        this.fragments = fragments;
        this.grants = grants;
    }

    /** The outcome: the operation unchanged, filtered, or nothing left. */
    record Result(OperationDefinition operation, List<Removal> removals) {
        boolean unchanged() {
            return removals.isEmpty();
        }

        boolean nothingLeft() {
            return operation == null;
        }
    }

    Result filter(OperationDefinition op) {
        GraphQLObjectType root = switch (op.getOperation()) {
            case QUERY -> api.getQueryType();
            case MUTATION -> api.getMutationType();
            case SUBSCRIPTION -> api.getSubscriptionType();
        };
        if (root == null) {
            return new Result(op, List.of());
        }
        SelectionSet kept = walk(op.getSelectionSet(), root.getName(), new ArrayList<>());
        if (removals.isEmpty()) {
            return new Result(op, List.of());
        }
        OperationDefinition filtered = kept == null ? null : VariableUses.keepUsed(
                op.transform(b -> b.selectionSet(kept)));
        return new Result(filtered, List.copyOf(removals));
    }

    /** The selection with what the caller may not read taken out, or null when nothing is left. */
    private SelectionSet walk(SelectionSet set, String parentType, List<Object> path) {
        List<Selection> kept = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            Selection<?> k = s;
            if (s instanceof Field f) {
                k = field(f, parentType, path);
            } else if (s instanceof InlineFragment i) {
                k = fragment(i.getTypeCondition() == null ? parentType : i.getTypeCondition().getName(), i,
                        i.getSelectionSet(), parentType, path);
            } else if (s instanceof FragmentSpread spread) {
                k = spread(spread, parentType, path);
            }
            if (k != null) {
                kept.add(k);
            }
        }
        return kept.isEmpty() ? null : set.transform(b -> b.selections(kept));
    }

    private Selection<?> field(Field f, String parentType, List<Object> path) {
        if (f.getName().startsWith("__")) {
            return f;
        }
        List<Object> here = new ArrayList<>(path);
        here.add(f.getResultKey());
        Verdict v = grants.check(requirements.field(parentType, f.getName()));
        if (v != Verdict.ALLOWED) {
            removals.add(new Removal(here, v));
            return null;
        }
        if (f.getSelectionSet() == null || f.getSelectionSet().getSelections().isEmpty()) {
            return f;
        }
        GraphQLType type = fieldType(parentType, f.getName());
        if (type == null) {
            return f; // unknown here: validation reports it
        }
        if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
            here.add("@");
        }
        SelectionSet kept = walk(f.getSelectionSet(), GraphQLTypeUtil.unwrapAll(type).getName(), here);
        return kept == null ? null : f.transform(b -> b.selectionSet(kept));
    }

    private Selection<?> spread(FragmentSpread spread, String parentType, List<Object> path) {
        FragmentDefinition def = fragments.get(spread.getName());
        if (def == null) {
            return spread; // validation reports it
        }
        InlineFragment inline = InlineFragment.newInlineFragment().typeCondition(def.getTypeCondition())
                .directives(spread.getDirectives()).selectionSet(def.getSelectionSet())
                .sourceLocation(spread.getSourceLocation()).build();
        return fragment(def.getTypeCondition().getName(), inline, def.getSelectionSet(), parentType, path);
    }

    private Selection<?> fragment(String typeCondition, InlineFragment fragment, SelectionSet selection,
                                  String parentType, List<Object> path) {
        if (!typeCondition.equals(parentType)) {
            Verdict v = grants.check(requirements.type(typeCondition));
            if (v != Verdict.ALLOWED) {
                removals.add(new Removal(path, v));
                return null;
            }
        }
        SelectionSet kept = walk(selection, typeCondition, path);
        return kept == null ? null : fragment.transform(b -> b.selectionSet(kept));
    }

    private GraphQLType fieldType(String parentType, String fieldName) {
        if (api.getType(parentType) instanceof GraphQLFieldsContainer c) {
            GraphQLFieldDefinition f = c.getFieldDefinition(fieldName);
            return f == null ? null : f.getType();
        }
        return null;
    }
}
