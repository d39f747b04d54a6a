package org.epicontrol.gateway.cost;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of what an operation really returned, by the same weights as the estimate: each value in the response
 * costs its field's weight (objects 1, scalars 0 by default); lists cost their items. Set beside the estimate, it
 * shows whether list sizes and weights are realistic.
 *
 * <p>Linear in the answer: the fields selected on an object, their definitions and weights are worked out once per
 * selection and runtime type, not again for every object of a list (an answer of 500 areas is one collection).
 */
public final class ActualCost {
    private final GraphQLSchema schema;
    private final CostModel model;

    public ActualCost(GraphQLSchema schema, CostModel model) {
        this.schema = schema;
        this.model = model;
    }

    public double of(GraphQLCompositeType root, SelectionSet selection, Map<String, FragmentDefinition> fragments,
                     Map<String, Object> data) {
        return data == null ? 0 : new Walk(fragments).object(data, root, selection, List.of(selection));
    }

    /** One field selected on objects of one type: its response key, weight, result type and sub-selections. */
    private record Selected(String key, double weight, GraphQLNamedType type, List<Field> fields,
                            List<SelectionSet> children) {
    }

    /** One answer's walk; {@code selected} is keyed by selection (by identity), then by the object's typename. */
    private final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<Object, Map<String, List<Selected>>> selected = new IdentityHashMap<>();

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        double object(Map<?, ?> value, GraphQLCompositeType type, Object selection, List<SelectionSet> sets) {
            String typename = value.get("__typename") instanceof String s ? s : "";
            List<Selected> fields = selected.computeIfAbsent(selection, k -> new HashMap<>(4))
                    .computeIfAbsent(typename, t -> select(type, t.isEmpty() ? null : t, sets));
            double cost = 0;
            for (Selected field : fields) {
                cost += value(value.get(field.key()), field);
            }
            return cost;
        }

        private double value(Object value, Selected field) {
            if (value instanceof List<?> items) {
                double cost = 0;
                for (Object item : items) {
                    cost += value(item, field);
                }
                return cost;
            }
            if (value instanceof Map<?, ?> object && field.type() instanceof GraphQLCompositeType composite) {
                GraphQLCompositeType runtime = object.get("__typename") instanceof String name
                        && schema.getType(name) instanceof GraphQLCompositeType concrete ? concrete : composite;
                return field.weight() + object(object, runtime, field.fields(), field.children());
            }
            return value == null ? 0 : field.weight();
        }

        private List<Selected> select(GraphQLCompositeType type, String typename, List<SelectionSet> sets) {
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            for (SelectionSet set : sets) {
                collect(set, typename, fragments, byKey);
            }
            List<Selected> out = new ArrayList<>(byKey.size());
            for (Map.Entry<String, List<Field>> e : byKey.entrySet()) {
                GraphQLFieldDefinition def = type instanceof GraphQLFieldsContainer c
                        ? c.getFieldDefinition(e.getValue().get(0).getName()) : null;
                if (def == null) {
                    continue; // __typename and introspection: answered by the gateway itself
                }
                GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(def.getType());
                List<SelectionSet> children = new ArrayList<>();
                for (Field f : e.getValue()) {
                    if (f.getSelectionSet() != null) {
                        children.add(f.getSelectionSet());
                    }
                }
                out.add(new Selected(e.getKey(), model.fieldWeight(type.getName(), def.getName(), named), named,
                        e.getValue(), children));
            }
            return out;
        }
    }

    /** The fields selected on an object, by response key, through fragments whose type condition may apply. */
    private void collect(SelectionSet set, String typename, Map<String, FragmentDefinition> fragments,
                         Map<String, List<Field>> byKey) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                byKey.computeIfAbsent(f.getResultKey(), k -> new ArrayList<>()).add(f);
            } else if (s instanceof InlineFragment i && applies(i.getTypeCondition() == null ? null
                    : i.getTypeCondition().getName(), typename)) {
                collect(i.getSelectionSet(), typename, fragments, byKey);
            } else if (s instanceof FragmentSpread spread) {
                FragmentDefinition d = fragments.get(spread.getName());
                if (d != null && applies(d.getTypeCondition().getName(), typename)) {
                    collect(d.getSelectionSet(), typename, fragments, byKey);
                }
            }
        }
    }

    /** Without {@code __typename} in the answer every condition may apply (keys the object lacks cost nothing). */
    private boolean applies(String condition, String typename) {
        if (condition == null || typename == null || condition.equals(typename)) {
            return true;
        }
        GraphQLObjectType concrete = schema.getObjectType(typename);
        return concrete != null && (schema.getType(condition) instanceof GraphQLInterfaceType
                || schema.getType(condition) instanceof GraphQLUnionType)
                && schema.isPossibleType((GraphQLNamedType) schema.getType(condition), concrete);
    }
}
