package org.epicontrol.gateway.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the fetch groups of a walked operation into the plan tree: each group becomes a {@link PlanNode.Fetch}
 * (inside a {@link PlanNode.Flatten} for entity fetches) with its subgraph operation printed; groups that depend on
 * one another nest as Sequence/Parallel trees, or run in stages when dependencies are shared; mutation root fields
 * run in order.
 */
final class PlanAssembler {
    private final OperationDefinition op;
    private final Resolvability resolvability;

    PlanAssembler(OperationDefinition op, Resolvability resolvability) {
        this.op = op;
        this.resolvability = resolvability;
    }

    /** The plan of these groups ({@code roots} are the root fetches, in the operation's order); null if none. */
    PlanNode assemble(List<FetchGroup> groups, List<FetchGroup> roots) {
        if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
            List<PlanNode> steps = new ArrayList<>();
            for (FetchGroup r : roots) {
                List<FetchGroup> sub = new ArrayList<>();
                for (FetchGroup g : groups) {
                    if (g == r || g.dependsOn(r)) {
                        sub.add(g);
                    }
                }
                steps.add(build(sub));
            }
            return sequence(steps);
        }
        return groups.isEmpty() ? null : build(groups);
    }

    private PlanNode build(List<FetchGroup> subset) {
        boolean forest = subset.stream().allMatch(g -> g.deps.size() <= 1);
        if (forest) {
            List<PlanNode> trees = new ArrayList<>();
            for (FetchGroup g : subset) {
                if (g.deps.isEmpty() || !subset.contains(g.deps.iterator().next())) {
                    trees.add(tree(g, subset));
                }
            }
            return parallel(trees);
        }
        // Shared dependencies (from @requires): run in stages, each after everything it depends on.
        Map<FetchGroup, Integer> level = new LinkedHashMap<>();
        int max = 0;
        for (FetchGroup g : subset) {
            max = Math.max(max, level(g, level));
        }
        List<PlanNode> stages = new ArrayList<>();
        for (int l = 0; l <= max; l++) {
            List<PlanNode> stage = new ArrayList<>();
            for (FetchGroup g : subset) {
                if (level.get(g) == l) {
                    stage.add(node(g));
                }
            }
            if (!stage.isEmpty()) {
                stages.add(parallel(stage));
            }
        }
        return sequence(stages);
    }

    private static int level(FetchGroup g, Map<FetchGroup, Integer> memo) {
        Integer known = memo.get(g);
        if (known != null) {
            return known;
        }
        int l = 0;
        for (FetchGroup d : g.deps) {
            l = Math.max(l, level(d, memo) + 1);
        }
        memo.put(g, l);
        return l;
    }

    private PlanNode tree(FetchGroup g, List<FetchGroup> subset) {
        List<PlanNode> children = new ArrayList<>();
        for (FetchGroup c : subset) {
            if (c.deps.contains(g)) {
                children.add(tree(c, subset));
            }
        }
        return children.isEmpty() ? node(g) : sequence(List.of(node(g), parallel(children)));
    }

    private PlanNode node(FetchGroup g) {
        Set<String> used = new LinkedHashSet<>();
        g.selection.variables(used);
        List<VariableDefinition> definitions = new ArrayList<>();
        if (g.entity) {
            definitions.add(VariableDefinition.newVariableDefinition("representations",
                    NonNullType.newNonNullType(ListType.newListType(NonNullType.newNonNullType(
                            TypeName.newTypeName("_Any").build()).build()).build()).build()).build());
        }
        List<String> usages = new ArrayList<>();
        for (VariableDefinition vd : op.getVariableDefinitions()) {
            if (used.contains(vd.getName())) {
                usages.add(vd.getName());
                definitions.add(VariableDefinition.newVariableDefinition(vd.getName(), vd.getType(),
                        vd.getDefaultValue()).build());
            }
        }
        SelectionSet selection = g.selection.toAst();
        if (g.entity) {
            selection = SelectionSet.newSelectionSet().selection(Field.newField("_entities")
                    .arguments(List.of(Argument.newArgument("representations",
                            VariableReference.newVariableReference().name("representations").build()).build()))
                    .selectionSet(selection).build()).build();
        }
        String service = resolvability.serviceName(g.subgraph);
        String opName = op.getName() == null ? null
                : op.getName() + "__" + service.replaceAll("\\W", "_") + "__" + g.id;
        OperationDefinition sub = OperationDefinition.newOperationDefinition()
                .name(opName)
                .operation(g.entity ? OperationDefinition.Operation.QUERY : op.getOperation())
                .variableDefinitions(definitions)
                .selectionSet(selection)
                .build();
        List<PlanNode.Requires> requires = new ArrayList<>();
        g.requires.forEach((type, tree) -> requires.add(new PlanNode.Requires(type, tree.requiredFields())));
        Set<String> keys = new LinkedHashSet<>();
        g.selection.topLevelKeys(keys);
        PlanNode.Fetch fetch = new PlanNode.Fetch(g.id, g.subgraph, service, AstPrinter.printAstCompact(sub),
                opName, List.copyOf(usages), List.copyOf(requires), List.copyOf(keys), g.selection.renames());
        return g.entity ? new PlanNode.Flatten(List.copyOf(g.mergePaths), fetch) : fetch;
    }

    private static PlanNode sequence(List<PlanNode> nodes) {
        List<PlanNode> flat = new ArrayList<>();
        for (PlanNode n : nodes) {
            if (n instanceof PlanNode.Sequence s) {
                flat.addAll(s.nodes());
            } else if (n != null) {
                flat.add(n);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new PlanNode.Sequence(List.copyOf(flat));
    }

    private static PlanNode parallel(List<PlanNode> nodes) {
        List<PlanNode> flat = new ArrayList<>();
        for (PlanNode n : nodes) {
            if (n instanceof PlanNode.Parallel p) {
                flat.addAll(p.nodes());
            } else if (n != null) {
                flat.add(n);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new PlanNode.Parallel(List.copyOf(flat));
    }
}
