package org.epicontrol.common.guard;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static cost of a document's operations, in time linear in the document: each fragment is costed once (per
 * connection size it is spread under) and reused at every spread, so a fragment spread twice by the one spread twice
 * before it — the fragment bomb — is priced 2^n without being walked 2^n times. Counted through spreads: depth, and
 * every field, aliases included, as 1 plus its list size times what it selects (a slicing argument, the length of a
 * list argument, the size configured for the field, else the default). Nothing is validated here: a field
 * the schema does not know costs 1, and validation refuses it afterwards.
 */
final class QueryCostEstimator {

    private final GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final QueryGuardConfig limits;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, QueryCost> costed = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    QueryCostEstimator(GraphQLSchema schema, Document document, Map<String, Object> variables, QueryGuardConfig limits) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        this.limits = limits;
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), fragment);
        }
    }

    QueryCost operation(OperationDefinition operation) {
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return selections(operation.getSelectionSet(), root, null);
    }

    /** connectionSize: the slicing argument of the field above, which sizes its edges and nodes. */
    private QueryCost selections(SelectionSet set, GraphQLCompositeType parent, Long connectionSize) {
        QueryCost total = QueryCost.NONE;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                total = total.and(field(field, parent, connectionSize));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                        : composite(schema.getType(inline.getTypeCondition().getName()));
                total = total.and(selections(inline.getSelectionSet(), type, connectionSize));
            } else if (selection instanceof FragmentSpread spread) {
                total = total.and(fragment(spread.getName(), connectionSize));
            }
        }
        return total;
    }

    private QueryCost fragment(String name, Long connectionSize) {
        FragmentDefinition fragment = fragments.get(name);
        String key = name + "@" + connectionSize;
        QueryCost known = costed.get(key);
        if (known != null) {
            return known;
        }
        // Unknown or cyclic: validation refuses the document; costing it as nothing keeps the walk finite.
        if (fragment == null || !inProgress.add(key)) {
            return QueryCost.NONE;
        }
        QueryCost cost = selections(fragment.getSelectionSet(),
                composite(schema.getType(fragment.getTypeCondition().getName())), connectionSize);
        inProgress.remove(key);
        costed.put(key, cost);
        return cost;
    }

    private QueryCost field(Field field, GraphQLCompositeType parent, Long connectionSize) {
        if (field.getName().equals("__typename")) {
            return new QueryCost(1, 0);
        }
        GraphQLFieldDefinition definition = definition(parent, field.getName());
        GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapNonNull(definition.getType());
        boolean list = type != null && GraphQLTypeUtil.isList(type);
        // The schema's description of itself (on in dev and test only) is as deep and as long as the schema is,
        // which is fixed: its fields add no depth and its lists count once, so GraphiQL's introspection passes.
        boolean introspection = field.getName().startsWith("__") || parent != null && parent.getName().startsWith("__");
        int level = introspection ? 0 : 1;
        if (field.getSelectionSet() == null) {
            return new QueryCost(level, 1);
        }
        Long slice = slice(field.getArguments());
        long size = list && !introspection ? listSize(field, parent, slice, connectionSize) : 1;
        Long childConnection = list ? null : slice != null ? slice : slicedInSchema(definition);
        QueryCost child = selections(field.getSelectionSet(),
                type == null ? null : composite(GraphQLTypeUtil.unwrapAll(type)), childConnection);
        return new QueryCost(child.depth() + level, QueryCost.add(1, QueryCost.times(size, child.cost())));
    }

    private long listSize(Field field, GraphQLCompositeType parent, Long slice, Long connectionSize) {
        if (slice != null) {
            return slice;
        }
        if (connectionSize != null && limits.sizedFields().contains(field.getName())) {
            return connectionSize;
        }
        Long listArgument = longestListArgument(field.getArguments());
        if (listArgument != null) {
            return listArgument;
        }
        Integer assumed = parent == null ? null : limits.listSize().get(parent.getName() + "." + field.getName());
        return assumed != null ? assumed : limits.defaultListSize();
    }

    /** A connection field that takes a slicing argument but was not given one: its default page. */
    private Long slicedInSchema(GraphQLFieldDefinition definition) {
        if (definition == null) {
            return null;
        }
        boolean sliced = definition.getArguments().stream()
                .anyMatch(a -> limits.slicingArguments().contains(a.getName()));
        return sliced ? (long) limits.defaultListSize() : null;
    }

    private Long slice(List<Argument> arguments) {
        Long size = null;
        for (Argument argument : arguments) {
            if (limits.slicingArguments().contains(argument.getName())) {
                Object value = resolve(argument.getValue());
                if (value instanceof Number n) {
                    size = Math.max(size == null ? 0 : size, Math.max(0, n.longValue()));
                }
            }
        }
        return size;
    }

    private Long longestListArgument(List<Argument> arguments) {
        Long longest = null;
        for (Argument argument : arguments) {
            Object value = resolve(argument.getValue());
            if (value instanceof List<?> items) {
                longest = Math.max(longest == null ? 0 : longest, items.size());
            }
        }
        return longest;
    }

    /** A literal or a variable's value: an integer as a Number, a list as a List; anything else as it is. */
    private Object resolve(Value<?> value) {
        if (value instanceof VariableReference variable) {
            return variables.get(variable.getName());
        }
        if (value instanceof IntValue integer) {
            return integer.getValue();
        }
        if (value instanceof ArrayValue array) {
            return array.getValues();
        }
        return value;
    }

    private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
        if (parent == schema.getQueryType()) {
            if (name.equals("__schema")) {
                return schema.getIntrospectionSchemaFieldDefinition();
            }
            if (name.equals("__type")) {
                return schema.getIntrospectionTypeFieldDefinition();
            }
        }
        return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    private static GraphQLCompositeType composite(GraphQLType type) {
        return type instanceof GraphQLCompositeType composite ? composite : null;
    }
}
