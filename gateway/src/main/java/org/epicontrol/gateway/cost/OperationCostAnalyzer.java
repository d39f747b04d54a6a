package org.epicontrol.gateway.cost;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Depth, aliases, field selections and static cost of a parsed document in one pass, linear in its size: each
 * fragment definition is analysed once and its result reused at every spread, so fragments that spread each other
 * twice (2^n fields once expanded) cost n steps, not 2^n. Runs before validation, so it tolerates unknown fields
 * and types (they cost nothing; validation reports them) and refuses fragment cycles itself.
 *
 * <p>Cost, as in the IBM cost specification and Apollo Router: a field costs its weight plus its selection's cost,
 * times its list size when it returns a list; a field with slicing arguments that returns no list sizes its
 * {@code sizedFields} (connection {@code edges}) instead; root mutation fields add the mutation weight.
 */
public final class OperationCostAnalyzer {
    private final GraphQLSchema schema;
    private final CostModel model;

    public OperationCostAnalyzer(GraphQLSchema schema, CostModel model) {
        this.schema = schema;
        this.model = model;
    }

    /** Analyses every definition of the document (validation reads them all) and costs {@code operation}. */
    public OperationAnalysis analyze(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof FragmentDefinition f && fragments.putIfAbsent(f.getName(), f) != null) {
                throw new InvalidOperationException("fragment '" + f.getName() + "' is defined more than once");
            }
        }
        Walk walk = new Walk(fragments);
        Shape all = Shape.EMPTY;
        CostFormula cost = CostFormula.ZERO;
        for (Definition<?> d : document.getDefinitions()) {
            Shape s;
            if (d instanceof OperationDefinition o) {
                s = walk.selections(o.getSelectionSet(), rootType(o), o.getOperation()
                        == OperationDefinition.Operation.MUTATION);
                if (o == operation) {
                    cost = s.total();
                }
            } else if (d instanceof FragmentDefinition f) {
                s = walk.fragment(f.getName());
            } else {
                continue;
            }
            all = new Shape(Math.max(all.depth, s.depth), add(all.aliases, s.aliases), add(all.fields, s.fields),
                    Map.of());
        }
        return new OperationAnalysis(all.depth, all.aliases, all.fields, cost);
    }

    private GraphQLCompositeType rootType(OperationDefinition o) {
        return switch (o.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    }

    /** One analysis: the fragments of the document and what is known of them. */
    private final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Shape> done = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Shape fragment(String name) {
            Shape known = done.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition f = fragments.get(name);
            if (f == null) {
                throw new InvalidOperationException("unknown fragment '" + name + "'");
            }
            if (!inProgress.add(name)) {
                throw new InvalidOperationException("fragment '" + name + "' spreads itself");
            }
            Shape s = selections(f.getSelectionSet(), composite(f.getTypeCondition().getName()), false).shared();
            inProgress.remove(name);
            done.put(name, s);
            return s;
        }

        Shape selections(SelectionSet set, GraphQLCompositeType parent, boolean mutationRoot) {
            if (set == null) {
                return Shape.EMPTY;
            }
            int depth = 0;
            long aliases = 0;
            long fields = 0;
            Map<String, Top> top = new LinkedHashMap<>();
            for (Selection<?> selection : set.getSelections()) {
                Shape s;
                if (selection instanceof Field f) {
                    s = field(f, parent, mutationRoot);
                } else if (selection instanceof InlineFragment i) {
                    s = selections(i.getSelectionSet(), i.getTypeCondition() == null ? parent
                            : composite(i.getTypeCondition().getName()), mutationRoot);
                } else if (selection instanceof FragmentSpread spread) {
                    s = fragment(spread.getName());
                } else {
                    continue;
                }
                depth = Math.max(depth, s.depth);
                aliases = add(aliases, s.aliases);
                fields = add(fields, s.fields);
                s.top.forEach((name, t) -> top.merge(name, t, Top::plus));
            }
            return new Shape(depth, aliases, fields, top);
        }

        private Shape field(Field f, GraphQLCompositeType parent, boolean mutationRoot) {
            GraphQLFieldDefinition def = parent == null ? null : definition(parent, f.getName());
            GraphQLType type = def == null ? null : GraphQLTypeUtil.unwrapNonNull(def.getType());
            GraphQLNamedType named = def == null ? null : (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(def.getType());
            Shape child = selections(f.getSelectionSet(),
                    named instanceof GraphQLCompositeType c ? c : null, false);
            int depth = 1 + child.depth;
            long aliases = add(f.getAlias() != null ? 1 : 0, child.aliases);
            long fields = add(1, child.fields);
            if (def == null) {
                return new Shape(depth, aliases, fields, Map.of(f.getName(), new Top(child.total(), child.total(),
                        false)));
            }
            boolean list = type instanceof GraphQLList;
            CostFormula weight = CostFormula.constant(model.fieldWeight(parent.getName(), def.getName(), named));
            CostModel.Sizing sizing = model.sizing(parent.getName(), def, list);
            CostFormula each = CostFormula.sum(weight, child.total());
            CostFormula full;
            if (sizing == null) {
                full = each;
            } else if (list) {
                full = CostFormula.times(size(f, def, sizing), each);
            } else {
                full = sized(weight, child, size(f, def, sizing), sizing.sizedFields());
            }
            if (mutationRoot) {
                full = CostFormula.sum(full, CostFormula.constant(model.mutationWeight()));
            }
            return new Shape(depth, aliases, fields, Map.of(f.getName(), new Top(each, full, list)));
        }

        /** A connection: its slicing argument sizes the listed child fields in place of their own list size. */
        private CostFormula sized(CostFormula weight, Shape child, CostFormula.ListSize size, List<String> sized) {
            List<CostFormula> terms = new ArrayList<>();
            terms.add(weight);
            child.top.forEach((name, t) -> terms.add(t.list && sized.contains(name)
                    ? CostFormula.times(size, t.each) : t.full));
            return CostFormula.sum(terms);
        }

        private CostFormula.ListSize size(Field f, GraphQLFieldDefinition def, CostModel.Sizing sizing) {
            double literal = CostFormula.ListSize.NO_LITERAL;
            List<String> variables = new ArrayList<>();
            for (String name : sizing.slicingArguments()) {
                Argument a = f.getArguments().stream().filter(x -> x.getName().equals(name)).findFirst()
                        .orElse(null);
                if (a != null && a.getValue() instanceof IntValue i) {
                    literal = Math.max(literal, Math.max(0, i.getValue().doubleValue()));
                } else if (a != null && a.getValue() instanceof VariableReference v) {
                    variables.add(v.getName()); // the request's value (defaults applied) decides
                } else if (a == null) {
                    literal = Math.max(literal, defaultOf(def.getArgument(name)));
                }
            }
            return new CostFormula.ListSize(literal, List.copyOf(variables), sizing.assumedSize());
        }

        private double defaultOf(GraphQLArgument argument) {
            if (argument == null || !argument.hasSetDefaultValue()) {
                return CostFormula.ListSize.NO_LITERAL;
            }
            Object value = argument.getArgumentDefaultValue().getValue();
            if (value instanceof IntValue i) {
                return Math.max(0, i.getValue().doubleValue());
            }
            return value instanceof Number n ? Math.max(0, n.doubleValue()) : CostFormula.ListSize.NO_LITERAL;
        }

        private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
            if (name.equals("__typename")) {
                return Introspection.TypeNameMetaFieldDef;
            }
            if (parent == schema.getQueryType() && name.equals("__schema")) {
                return Introspection.SchemaMetaFieldDef;
            }
            if (parent == schema.getQueryType() && name.equals("__type")) {
                return Introspection.TypeMetaFieldDef;
            }
            return parent instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(name) : null;
        }

        private GraphQLCompositeType composite(String typeName) {
            return schema.getType(typeName) instanceof GraphQLCompositeType c ? c : null;
        }
    }

    /**
     * A selection's cost per top-level field name ({@code each}: one value, {@code full}: all of them), so a
     * connection can resize its {@code edges}; plus depth and counts through spreads.
     */
    private record Shape(int depth, long aliases, long fields, Map<String, Top> top) {
        static final Shape EMPTY = new Shape(0, 0, 0, Map.of());

        CostFormula total() {
            return CostFormula.sum(top.values().stream().map(Top::full).toList());
        }

        /** Reused at every spread: each formula becomes a node evaluated once per request. */
        Shape shared() {
            Map<String, Top> out = new LinkedHashMap<>();
            top.forEach((name, t) -> out.put(name, new Top(CostFormula.shared(t.each), CostFormula.shared(t.full),
                    t.list)));
            return new Shape(depth, aliases, fields, out);
        }
    }

    private record Top(CostFormula each, CostFormula full, boolean list) {
        Top plus(Top other) {
            return new Top(CostFormula.sum(each, other.each), CostFormula.sum(full, other.full), list || other.list);
        }
    }

    /** Counts saturate instead of overflowing (2^n through n doubling fragments). */
    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
