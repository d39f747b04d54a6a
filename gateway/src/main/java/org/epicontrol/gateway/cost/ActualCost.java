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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of what an operation really returned, by the same weights as the estimate: each value in the response
 * costs its field's weight (objects 1, scalars 0 by default); lists cost their items. Set beside the estimate, it
 * shows whether list sizes and weights are realistic.
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
        return data == null ? 0 : object(data, root, List.of(selection), fragments);
    }

    private double object(Map<?, ?> value, GraphQLCompositeType type, List<SelectionSet> sets,
                          Map<String, FragmentDefinition> fragments) {
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        Object typename = value.get("__typename");
        for (SelectionSet set : sets) {
            collect(set, typename instanceof String s ? s : null, fragments, byKey);
        }
        double cost = 0;
        for (Map.Entry<String, List<Field>> e : byKey.entrySet()) {
            Field field = e.getValue().get(0);
            GraphQLFieldDefinition def = type instanceof GraphQLFieldsContainer c
                    ? c.getFieldDefinition(field.getName()) : null;
            if (def == null) {
                continue; // __typename and introspection: answered by the gateway itself
            }
            GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(def.getType());
            List<SelectionSet> children = new ArrayList<>();
            e.getValue().forEach(f -> {
                if (f.getSelectionSet() != null) {
                    children.add(f.getSelectionSet());
                }
            });
            cost += value(value.get(e.getKey()), model.fieldWeight(type.getName(), def.getName(), named), named,
                    children, fragments);
        }
        return cost;
    }

    private double value(Object value, double weight, GraphQLNamedType type, List<SelectionSet> children,
                         Map<String, FragmentDefinition> fragments) {
        if (value instanceof List<?> items) {
            double cost = 0;
            for (Object item : items) {
                cost += value(item, weight, type, children, fragments);
            }
            return cost;
        }
        if (value instanceof Map<?, ?> object && type instanceof GraphQLCompositeType composite) {
            GraphQLCompositeType runtime = object.get("__typename") instanceof String name
                    && schema.getType(name) instanceof GraphQLCompositeType concrete ? concrete : composite;
            return weight + object(object, runtime, children, fragments);
        }
        return value == null ? 0 : weight;
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
