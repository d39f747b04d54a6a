package org.epicontrol.gateway.defer;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Cuts an operation's active {@code @defer} fragments out of it: the primary selection (what the first part holds,
 * plus the hidden {@code __typename} and key fields deferred entity fetches start from) and one
 * {@link DeferredFragment} per fragment, nested ones included. Fragment spreads are inlined on the way (the cut
 * depends on where a fragment is spread). {@code @defer(if: false)} fragments stay ordinary fragments.
 */
final class DeferSplitter {
    private static final String DEFER = "defer";

    private final GraphQLSchema schema;
    private final Supergraph supergraph;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final List<DeferredFragment> deferred = new ArrayList<>();
    private int nextId;

    /** A selection as planned (with hidden fields) and as shaped for the client. */
    record Cut(SelectionSet planned, SelectionSet shaped) {
    }

    /** The primary selection and every deferred fragment, parents before children. */
    record Result(Cut primary, List<DeferredFragment> deferred) {
    }

    DeferSplitter(GraphQLSchema schema, Supergraph supergraph, Map<String, FragmentDefinition> fragments,
                  Map<String, Object> variables) {
        this.schema = schema;
        this.supergraph = supergraph;
        this.fragments = fragments;
        this.variables = variables;
    }

    Result split(GraphQLObjectType rootType, SelectionSet selection) {
        Cut primary = selectionSet(selection, rootType, List.of(), DeferredFragment.PRIMARY, List.of());
        if (primary.planned().getSelections().isEmpty()) {
            // Everything is deferred: the primary plan answers only __typename (no subgraph is asked).
            primary = new Cut(SelectionSet.newSelectionSet().selection(Field.newField("__typename").build())
                    .build(), primary.shaped());
        }
        List<DeferredFragment> all = new ArrayList<>(deferred);
        all.sort(Comparator.comparingInt(DeferredFragment::id));
        return new Result(primary, List.copyOf(all));
    }

    /** Whether a {@code @defer} is active: no {@code if}, or {@code if} true (a literal or a variable). */
    static boolean active(Directive defer, Map<String, Object> variables) {
        Value<?> v = defer.getArgument("if") == null ? null : defer.getArgument("if").getValue();
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof VariableReference r) {
            return !Boolean.FALSE.equals(variables.get(r.getName()));
        }
        return true;
    }

    private Cut selectionSet(SelectionSet set, GraphQLCompositeType type, List<String> path, int owner,
                             List<Directive> conditions) {
        List<Selection> planned = new ArrayList<>();
        List<Selection> shaped = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                field(f, type, path, owner, conditions, planned, shaped);
            } else if (s instanceof InlineFragment i) {
                String condition = i.getTypeCondition() == null ? type.getName() : i.getTypeCondition().getName();
                fragment(condition, i.getDirectives(), i.getSelectionSet(), path, owner, conditions, planned,
                        shaped);
            } else if (s instanceof FragmentSpread sp) {
                FragmentDefinition def = fragments.get(sp.getName());
                if (def != null) {
                    fragment(def.getTypeCondition().getName(), sp.getDirectives(), def.getSelectionSet(), path,
                            owner, conditions, planned, shaped);
                }
            }
        }
        return new Cut(SelectionSet.newSelectionSet(planned).build(), SelectionSet.newSelectionSet(shaped).build());
    }

    private void field(Field f, GraphQLCompositeType type, List<String> path, int owner,
                       List<Directive> conditions, List<Selection> planned, List<Selection> shaped) {
        GraphQLFieldDefinition def = type instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(f.getName())
                : null;
        if (f.getSelectionSet() == null || def == null) {
            planned.add(f);
            shaped.add(f);
            return;
        }
        String key = f.getAlias() != null ? f.getAlias() : f.getName();
        List<String> childPath = new ArrayList<>(path);
        childPath.add(key);
        GraphQLType t = def.getType();
        while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
            if (t instanceof GraphQLList) {
                childPath.add("@");
            }
            t = GraphQLTypeUtil.unwrapOne(t);
        }
        Cut sub = selectionSet(f.getSelectionSet(), (GraphQLCompositeType) t, List.copyOf(childPath), owner,
                concat(conditions, conditionsOf(f.getDirectives())));
        planned.add(f.transform(b -> b.selectionSet(sub.planned())));
        shaped.add(f.transform(b -> b.selectionSet(sub.shaped())));
    }

    private void fragment(String condition, List<Directive> directives, SelectionSet set, List<String> path,
                          int owner, List<Directive> conditions, List<Selection> planned, List<Selection> shaped) {
        GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(condition);
        Directive defer = directives.stream().filter(d -> d.getName().equals(DEFER)).findFirst().orElse(null);
        List<Directive> kept = directives.stream().filter(d -> !d.getName().equals(DEFER)).toList();
        List<Directive> inner = concat(conditions, conditionsOf(directives));
        if (defer == null || !active(defer, variables)) {
            Cut sub = selectionSet(set, type, path, owner, inner);
            planned.add(inline(condition, kept, sub.planned()));
            shaped.add(inline(condition, kept, sub.shaped()));
            return;
        }
        int id = nextId++;
        String label = defer.getArgument("label") != null
                && defer.getArgument("label").getValue() instanceof StringValue s ? s.getValue() : null;
        Cut sub = selectionSet(set, type, path, id, inner);
        List<Directive> own = conditionsOf(directives);
        if (path.isEmpty() && condition.equals(schema.getQueryType().getName())) {
            deferred.add(new DeferredFragment(id, owner, label, DeferredFragment.Kind.ROOT, condition, path,
                    sub.planned(), sub.shaped(), inner, List.of()));
            return;
        }
        List<DeferredFragment.EntityStart> starts = type instanceof GraphQLObjectType
                ? new EntityStarts(supergraph, condition).of(sub.planned()) : List.of();
        if (!starts.isEmpty()) {
            List<Selection> representation = new ArrayList<>();
            representation.add(Field.newField("__typename").build());
            for (DeferredFragment.EntityStart start : starts) {
                representation.addAll(start.key().getSelections());
            }
            planned.add(inline(condition, own, SelectionSet.newSelectionSet(representation).build()));
            deferred.add(new DeferredFragment(id, owner, label, DeferredFragment.Kind.ENTITY, condition, path,
                    sub.planned(), sub.shaped(), inner, starts));
            return;
        }
        // Neither root nor entity: fetched with its parent (with __typename, to shape it on its own later).
        List<Selection> withTypename = new ArrayList<>(sub.planned().getSelections());
        withTypename.add(Field.newField("__typename").build());
        planned.add(inline(condition, own, SelectionSet.newSelectionSet(withTypename).build()));
        deferred.add(new DeferredFragment(id, owner, label, DeferredFragment.Kind.INLINE, condition, path,
                sub.planned(), sub.shaped(), inner, List.of()));
    }

    private static InlineFragment inline(String condition, List<Directive> directives, SelectionSet set) {
        return InlineFragment.newInlineFragment().typeCondition(TypeName.newTypeName(condition).build())
                .directives(directives).selectionSet(set).build();
    }

    private static List<Directive> conditionsOf(List<Directive> directives) {
        return directives.stream().filter(d -> d.getName().equals("skip") || d.getName().equals("include"))
                .toList();
    }

    private static List<Directive> concat(List<Directive> a, List<Directive> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Directive> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
