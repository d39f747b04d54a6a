package org.epicontrol.gateway.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * Turns a validated operation into a {@link QueryPlan}.
 *
 * <p>The planner walks the operation once, keeping a "current" fetch group. A field the group's subgraph can
 * resolve (itself, or because an enclosing field {@code @provides} it) is added to that group; otherwise the
 * planner jumps: it picks a subgraph that resolves the field and one of its {@code @key}s, adds the key fields
 * (and {@code @requires} fields) to the current group, and continues in an entity group at the same response
 * path. Groups form a dependency graph that becomes Sequence/Parallel/Flatten nodes at the end.
 */
public final class QueryPlanner {
    private static final int MAX_DEPTH = 256;
    private static final Set<String> CONDITIONS = Set.of("skip", "include");

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /** Plans the operation named {@code operationName} (or the only one) of a validated document. */
    public QueryPlan plan(Document document, String operationName) {
        OperationDefinition op = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition o
                    && (operationName == null ? op == null : operationName.equals(o.getName()))) {
                op = o;
            } else if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        if (op == null) {
            throw new PlanningException(operationName == null ? "the document has no operation"
                    : "unknown operation named '" + operationName + "'");
        }
        return plan(op, fragments);
    }

    public QueryPlan plan(OperationDefinition op, Map<String, FragmentDefinition> fragments) {
        return new Run(op, fragments).plan();
    }

    /**
     * Plans {@code selection} (no fragment spreads) on the objects of {@code type} at {@code path} of a response
     * that already holds them with {@code __typename} and {@code key} (a deferred fragment): an {@code _entities}
     * fetch into {@code graph}, and whatever that fetch cannot resolve from other subgraphs after it.
     */
    public QueryPlan planEntities(OperationDefinition op, String type, List<String> path, String graph,
                                  SelectionSet key, SelectionSet selection) {
        return new Run(op, Map.of()).planEntities(type, path, graph, key, selection);
    }

    /** The state of planning one operation. */
    private final class Run {
        private final OperationDefinition op;
        private final Map<String, FragmentDefinition> fragments;
        private final List<FetchGroup> groups = new ArrayList<>();
        /** The fields from the root down to the selection being planned. */
        private final List<Step> trail = new ArrayList<>();
        private int depth;

        Run(OperationDefinition op, Map<String, FragmentDefinition> fragments) {
            this.op = op;
            this.fragments = fragments;
        }

        QueryPlan plan() {
            boolean mutation = op.getOperation() == OperationDefinition.Operation.MUTATION;
            String rootType;
            if (op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                throw new PlanningException("subscriptions are not supported by this gateway yet");
            } else if (mutation) {
                rootType = supergraph.mutationType();
                if (rootType == null) {
                    throw new PlanningException("the schema has no mutation type");
                }
            } else {
                rootType = supergraph.queryType();
            }
            List<RootField> rootFields = new ArrayList<>();
            collectRoot(rootType, op.getSelectionSet(), List.of(), rootFields);
            boolean introspection = false;
            List<FetchGroup> roots = new ArrayList<>();
            FetchGroup last = null;
            for (RootField rf : rootFields) {
                String name = rf.field.getName();
                if (name.equals("__typename")) {
                    continue; // answered by the gateway
                }
                if (name.equals("__schema") || name.equals("__type")) {
                    introspection = true;
                    continue;
                }
                List<String> graphs = supergraph.resolvingGraphs(rootType, name);
                if (graphs.isEmpty()) {
                    throw new PlanningException("no subgraph resolves " + rootType + "." + name);
                }
                FetchGroup group = null;
                if (mutation) {
                    // Mutation fields run in order: only consecutive fields of one subgraph share a fetch.
                    if (last != null && graphs.contains(last.subgraph)) {
                        group = last;
                    }
                } else {
                    for (FetchGroup r : roots) {
                        if (graphs.contains(r.subgraph)) {
                            group = r;
                            break;
                        }
                    }
                }
                if (group == null) {
                    group = newGroup(graphs.get(0), List.of(), false);
                    roots.add(group);
                }
                last = group;
                SelectionTree target = group.selection.fragment(null, rf.conditions);
                planField(group, rootType, rf.field, target, List.of(), Provided.NONE, List.of(), Set.of(rootType));
            }
            directDependenciesOnly();
            PlanNode root;
            if (mutation) {
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
                root = sequence(steps);
            } else {
                root = groups.isEmpty() ? null : build(groups);
            }
            return new QueryPlan(root, introspection, groups.size());
        }

        QueryPlan planEntities(String type, List<String> path, String graph, SelectionSet key, SelectionSet set) {
            FetchGroup g = newGroup(graph, path, true);
            SelectionTree representation = new SelectionTree();
            representation.typename();
            addFieldSet(representation, key);
            g.requires.put(type, representation);
            planSelectionSet(g, type, set, g.selection.fragment(type, List.of()), path, Provided.NONE, List.of(),
                    possibleAt(type, graph));
            directDependenciesOnly();
            return new QueryPlan(build(groups), false, groups.size());
        }

        private void directDependenciesOnly() {
            for (FetchGroup g : groups) {
                // Keep only direct dependencies so that simple plans stay trees.
                g.deps.removeIf(d -> g.deps.stream().anyMatch(o -> o != d && o.dependsOn(d)));
            }
        }

        private void collectRoot(String rootType, SelectionSet set, List<Directive> conditions, List<RootField> out) {
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    out.add(new RootField(f, conditions));
                } else if (s instanceof InlineFragment i) {
                    collectRoot(rootType, i.getSelectionSet(), concat(conditions, conditionsOf(i.getDirectives())),
                            out);
                } else if (s instanceof FragmentSpread sp) {
                    FragmentDefinition def = fragment(sp.getName());
                    collectRoot(rootType, def.getSelectionSet(),
                            concat(conditions, conditionsOf(sp.getDirectives())), out);
                }
            }
        }

        // ---- walking the operation ------------------------------------------------------------------------

        private Set<FetchGroup> planSelectionSet(FetchGroup g, String parent, SelectionSet set, SelectionTree target,
                                                 List<String> path, Provided provided, List<Directive> conditions,
                                                 Set<String> possible) {
            Set<FetchGroup> touched = new LinkedHashSet<>();
            if (set == null) {
                return touched;
            }
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    touched.addAll(planField(g, parent, f, target, path, provided, conditions, possible));
                } else if (s instanceof InlineFragment i) {
                    String tc = i.getTypeCondition() == null ? parent : i.getTypeCondition().getName();
                    touched.addAll(planFragment(g, parent, tc, conditionsOf(i.getDirectives()), i.getSelectionSet(),
                            target, path, provided, conditions, possible));
                } else if (s instanceof FragmentSpread sp) {
                    FragmentDefinition def = fragment(sp.getName());
                    touched.addAll(planFragment(g, parent, def.getTypeCondition().getName(),
                            conditionsOf(sp.getDirectives()), def.getSelectionSet(), target, path, provided,
                            conditions, possible));
                }
            }
            return touched;
        }

        private Set<FetchGroup> planFragment(FetchGroup g, String parent, String typeCondition,
                                             List<Directive> directives, SelectionSet set, SelectionTree target,
                                             List<String> path, Provided provided, List<Directive> conditions,
                                             Set<String> possible) {
            Set<String> narrowed = new LinkedHashSet<>(possible);
            narrowed.retainAll(supergraph.allPossibleTypes(typeCondition));
            if (narrowed.isEmpty()) {
                return Set.of(); // can never match an object at this position
            }
            if (!typeCondition.equals(parent) && supergraph.isInterfaceObject(parent, g.subgraph)) {
                return planOnInterfaceObject(g, parent, typeCondition, directives, set, target, path, provided,
                        concat(conditions, directives), narrowed);
            }
            Set<FetchGroup> touched = new LinkedHashSet<>();
            if (!supergraph.typeInGraph(typeCondition, g.subgraph)) {
                // The subgraph does not know the (abstract) condition: spell it out per object type it knows.
                for (String t : narrowed) {
                    if (!t.equals(typeCondition) && supergraph.typeInGraph(t, g.subgraph)) {
                        touched.addAll(planFragment(g, parent, t, directives, set, target, path, provided,
                                conditions, Set.of(t)));
                    }
                }
                return touched;
            }
            List<Directive> all = concat(conditions, directives);
            if (typeCondition.equals(parent)) {
                return planSelectionSet(g, parent, set, target.fragment(null, directives), path, provided, all,
                        narrowed);
            }
            return planSelectionSet(g, typeCondition, set, target.fragment(typeCondition, directives), path,
                    provided, all, narrowed);
        }

        private Set<FetchGroup> planField(FetchGroup g, String parent, Field field, SelectionTree target,
                                          List<String> path, Provided provided, List<Directive> conditions,
                                          Set<String> possible) {
            if (++depth > MAX_DEPTH) {
                throw new PlanningException("operation too complex to plan (entity jumps do not terminate)");
            }
            try {
                String name = field.getName();
                String key = field.getAlias() != null ? field.getAlias() : name;
                List<Directive> directives = conditionsOf(field.getDirectives());
                if (name.equals("__typename")) {
                    if (supergraph.isInterfaceObject(parent, g.subgraph)) {
                        // The subgraph would answer the interface's name: ask one that knows the implementations.
                        List<String> owners = supergraph.entityInterfaceGraphs(parent);
                        if (!owners.isEmpty()) {
                            return jump(g, parent, field, target, path, provided, conditions, owners);
                        }
                    }
                    target.field(key, name, List.of(), directives);
                    return Set.of();
                }
                if (supergraph.isInterfaceObject(parent, g.subgraph)) {
                    // An @interfaceObject: the subgraph sees the interface as an object type with its own fields.
                    if (local(g.subgraph, parent, name, provided)) {
                        return localOrSelfJump(g, parent, field, key, directives, target, path, provided,
                                conditions);
                    }
                    return jump(g, parent, field, target, path, provided, conditions,
                            supergraph.resolvingGraphs(parent, name));
                }
                if (supergraph.isAbstract(parent)) {
                    List<String> objectGraphs = interfaceObjectGraphs(parent, name);
                    if (!objectGraphs.isEmpty() && !localOnAbstract(g.subgraph, parent, name, provided, possible)) {
                        // The interface's field is resolved by an @interfaceObject: one jump for every implementation.
                        return jump(g, parent, field, target, path, provided, conditions, objectGraphs);
                    }
                    if (localOnAbstract(g.subgraph, parent, name, provided, possible)) {
                        return addLocal(g, parent, field, key, directives, target, path, provided);
                    }
                    // Not answerable through the interface here: ask per possible object type.
                    Set<FetchGroup> touched = new LinkedHashSet<>();
                    for (String t : possible) {
                        if (supergraph.typeInGraph(t, g.subgraph)) {
                            touched.addAll(planField(g, t, field, target.fragment(t, List.of()), path, provided,
                                    conditions, Set.of(t)));
                        }
                    }
                    return touched;
                }
                if (local(g.subgraph, parent, name, provided)) {
                    return localOrSelfJump(g, parent, field, key, directives, target, path, provided, conditions);
                }
                return jump(g, parent, field, target, path, provided, conditions,
                        supergraph.resolvingGraphs(parent, name));
            } finally {
                depth--;
            }
        }

        /**
         * A local field whose {@code @requires} fields this group cannot return itself (they are {@code @external}
         * here) is fetched through an entity fetch to the same subgraph, after the required fields were fetched
         * elsewhere and put into the representation.
         */
        private Set<FetchGroup> localOrSelfJump(FetchGroup g, String parent, Field field, String key,
                                                List<Directive> directives, SelectionTree target, List<String> path,
                                                Provided provided, List<Directive> conditions) {
            SelectionSet requires = supergraph.requires(parent, field.getName(), g.subgraph);
            if (requires == null || canProvide(g.subgraph, parent, requires, provided)
                    || g.requires.containsKey(parent) && covers(g.requires.get(parent).requiredFields(), requires)) {
                return addLocal(g, parent, field, key, directives, target, path, provided);
            }
            return jump(g, parent, field, target, path, provided, conditions, List.of(g.subgraph), true);
        }

        private static boolean covers(List<PlanNode.RequiredField> fields, SelectionSet set) {
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

        private Set<FetchGroup> addLocal(FetchGroup g, String parent, Field field, String key,
                                         List<Directive> directives, SelectionTree target, List<String> path,
                                         Provided provided) {
            TypeMeta.FieldMeta meta = fieldMeta(parent, field.getName());
            List<Argument> args = field.getArguments();
            SelectionTree.FieldNode node = target.field(key, field.getName(), args, directives);
            // The subgraph may declare another type (@join__field(type:)): a narrower one decides which
            // fragments it accepts, and one of another shape must not meet a sibling's same key unaliased.
            Type<?> inGraph = supergraph.fieldTypeIn(parent, field.getName(), g.subgraph);
            String returnType = inGraph == null ? meta.namedType() : SupergraphParser.namedType(inGraph);
            if (inGraph != null && !sameShape(inGraph, meta.type())) {
                node.fetchAlias = key + "__" + AstPrinter.printAstCompact(inGraph).replace("!", "_nn")
                        .replace("[", "_list_").replace("]", "");
            }
            if (!supergraph.isComposite(returnType)) {
                return Set.of();
            }
            SelectionTree sub = node.sub();
            List<String> childPath = new ArrayList<>(path);
            childPath.add(key);
            for (int i = 0; i < listDepth(meta.type()); i++) {
                childPath.add("@");
            }
            Provided childProvided = provided.child(field.getName())
                    .with(supergraph.provides(parent, field.getName(), g.subgraph));
            if (supergraph.isAbstract(meta.namedType())) {
                sub.typename(); // the executor and the final shaping need the runtime type
            }
            trail.add(new Step(parent, field, key, directives, g, sub, childPath, childProvided));
            try {
                return planSelectionSet(g, returnType, field.getSelectionSet(), sub, childPath, childProvided,
                        List.of(), possibleAt(returnType, g.subgraph));
            } finally {
                trail.remove(trail.size() - 1);
            }
        }

        private Set<FetchGroup> jump(FetchGroup g, String parent, Field field, SelectionTree target,
                                     List<String> path, Provided provided, List<Directive> conditions,
                                     List<String> resolving) {
            return jump(g, parent, field, target, path, provided, conditions, resolving, false);
        }

        private Set<FetchGroup> jump(FetchGroup g, String parent, Field field, SelectionTree target,
                                     List<String> path, Provided provided, List<Directive> conditions,
                                     List<String> resolving, boolean self) {
            String name = field.getName();
            List<String> candidates = new ArrayList<>(resolving);
            if (!self) {
                candidates.remove(g.subgraph);
            }
            if (candidates.isEmpty() && !supergraph.isAbstract(parent)) {
                // A field an implementation gets from an @interfaceObject: jump as that interface.
                for (String iface : supergraph.interfacesOf(parent)) {
                    List<String> objectGraphs = interfaceObjectGraphs(iface, name);
                    objectGraphs.remove(g.subgraph);
                    if (!objectGraphs.isEmpty()) {
                        return jump(g, iface, field, target, path, provided, conditions, objectGraphs);
                    }
                }
            }
            if (candidates.isEmpty()) {
                throw new PlanningException("field " + parent + "." + name + " cannot be resolved from subgraph "
                        + serviceName(g.subgraph) + " and no other subgraph resolves it");
            }
            if (candidates.stream().noneMatch(c -> providableKey(g.subgraph, parent, c, provided))) {
                Set<FetchGroup> viaRoot = fromRoot(parent, field, path, conditions, candidates);
                if (viaRoot != null) {
                    return viaRoot;
                }
            }
            Entry entry = enter(g, parent, name, candidates, target, path, provided, conditions);
            Set<FetchGroup> touched = new LinkedHashSet<>(entry.producers());
            touched.add(entry.group());
            touched.addAll(planField(entry.group(), parent, field,
                    entry.group().selection.fragment(parent, conditions), path, Provided.NONE, List.of(),
                    possibleAt(parent, entry.group().subgraph)));
            return touched;
        }

        /**
         * A field of a value type (no resolvable key where it lives) is reached again through the nearest
         * enclosing entity the candidate subgraph resolves, or else from the root (shared root fields), when that
         * subgraph resolves every field on the way down here; the answer merges into the same response objects.
         */
        private Set<FetchGroup> fromRoot(String parent, Field field, List<String> path, List<Directive> conditions,
                                         List<String> candidates) {
            for (int i = trail.size() - 1; i >= 0; i--) {
                Step at = trail.get(i);
                String entity = fieldMeta(at.parent(), at.field().getName()).namedType();
                for (String candidate : candidates) {
                    if (supergraph.isAbstract(entity)
                            || !providableKey(at.group().subgraph, entity, candidate, at.provided())
                            || !reachable(trail.subList(i + 1, trail.size()), candidate)) {
                        continue;
                    }
                    Entry entry = enter(at.group(), entity, null, List.of(candidate), at.sub(), at.path(),
                            at.provided(), List.of());
                    SelectionTree t = rebuild(entry.group().selection.fragment(entity, List.of()), entity,
                            trail.subList(i + 1, trail.size()), parent, conditions);
                    Set<FetchGroup> touched = new LinkedHashSet<>(entry.producers());
                    touched.add(entry.group());
                    touched.addAll(planField(entry.group(), parent, field, t, path, Provided.NONE, List.of(),
                            possibleAt(parent, candidate)));
                    return touched;
                }
            }
            if (op.getOperation() != OperationDefinition.Operation.QUERY) {
                return null; // mutation fields must not run twice
            }
            for (String candidate : candidates) {
                if (!reachable(trail, candidate)) {
                    continue;
                }
                FetchGroup root = null;
                for (FetchGroup r : groups) {
                    if (!r.entity && r.subgraph.equals(candidate)) {
                        root = r;
                        break;
                    }
                }
                if (root == null) {
                    root = newGroup(candidate, List.of(), false);
                }
                SelectionTree t = rebuild(root.selection, supergraph.queryType(), trail, parent, conditions);
                Set<FetchGroup> touched = new LinkedHashSet<>();
                touched.add(root);
                touched.addAll(planField(root, parent, field, t, path, Provided.NONE, List.of(),
                        possibleAt(parent, candidate)));
                return touched;
            }
            return null;
        }

        /** Whether {@code to} resolves a key of the type that {@code from} can return. */
        private boolean providableKey(String from, String type, String to, Provided provided) {
            return supergraph.resolvableKeys(type, to).stream()
                    .anyMatch(k -> canProvide(from, type, k.selection(), provided));
        }

        /** Whether the graph resolves every field of these steps. */
        private boolean reachable(List<Step> steps, String graph) {
            for (Step s : steps) {
                if (!supergraph.resolvableIn(s.parent(), s.field().getName(), graph)) {
                    return false;
                }
            }
            return true;
        }

        /** The steps' fields again under {@code tree} (a selection on {@code type}); the tree for {@code parent}. */
        private SelectionTree rebuild(SelectionTree tree, String type, List<Step> steps, String parent,
                                      List<Directive> conditions) {
            SelectionTree t = tree;
            String at = type;
            for (Step s : steps) {
                if (!s.parent().equals(at)) {
                    t = t.fragment(s.parent(), List.of());
                }
                t = t.field(s.key(), s.field().getName(), s.field().getArguments(), s.directives()).sub();
                at = fieldMeta(s.parent(), s.field().getName()).namedType();
                if (supergraph.isAbstract(at)) {
                    t.typename();
                }
            }
            return parent.equals(at) ? t.fragment(null, conditions) : t.fragment(parent, conditions);
        }

        /**
         * Moves to an entity group of one of the candidate subgraphs at this path: picks a resolvable key the
         * current group can provide (else one whose fields are fetched through another subgraph), adds
         * {@code __typename}, the key and the {@code @requires} fields of {@code field} (if any) to the current
         * group and records them as the representation.
         */
        private Entry enter(FetchGroup g, String parent, String field, List<String> candidates,
                            SelectionTree target, List<String> path, Provided provided, List<Directive> conditions) {
            String chosenGraph = null;
            TypeMeta.Key chosenKey = null;
            int best = -1;
            for (String candidate : candidates) {
                for (TypeMeta.Key k : supergraph.resolvableKeys(parent, candidate)) {
                    int score = (canProvide(g.subgraph, parent, k.selection(), provided) ? 2 : 0)
                            + (existingGroup(candidate, path) ? 1 : 0);
                    if (score > best) {
                        best = score;
                        chosenGraph = candidate;
                        chosenKey = k;
                    }
                }
            }
            if (chosenKey == null) {
                throw new PlanningException("field " + parent + "." + field + " lives in subgraph(s) "
                        + candidates.stream().map(this::serviceName).toList() + " where " + parent
                        + " has no resolvable @key, so it cannot be reached from subgraph "
                        + serviceName(g.subgraph));
            }
            // The current group must return what the representation needs: __typename, key, required fields.
            target.typename();
            Set<String> self = possibleAt(parent, g.subgraph);
            Set<FetchGroup> producers = new LinkedHashSet<>(planSelectionSet(g, parent, chosenKey.selection(),
                    target, path, provided, conditions, self));
            SelectionSet requires = field == null ? null : supergraph.requires(parent, field, chosenGraph);
            if (requires != null) {
                requires = aliasArguments(requires);
            }
            if (requires != null) {
                producers.addAll(planSelectionSet(g, parent, requires, target, path, provided, conditions, self));
            }
            Set<FetchGroup> deps = new LinkedHashSet<>(producers);
            deps.add(g);
            SelectionTree representation = new SelectionTree();
            representation.typename();
            addFieldSet(representation, chosenKey.selection());
            if (requires != null) {
                addFieldSet(representation, requires);
            }
            FetchGroup entityGroup = entityGroup(chosenGraph, path, deps, parent, representation);
            SelectionTree existing = entityGroup.requires.putIfAbsent(parent, representation);
            if (existing != null) {
                addFieldSet(existing, requiresAst(representation));
            }
            return new Entry(entityGroup, producers);
        }

        /**
         * A fragment on an implementation (or another interface) where the subgraph only has the interface as an
         * {@code @interfaceObject}: fields the interface object resolves stay here (the type condition is applied
         * when shaping, with the concrete type fetched from a subgraph that knows the implementations); the rest
         * is asked from such a subgraph inside {@code ... on Interface}.
         */
        private Set<FetchGroup> planOnInterfaceObject(FetchGroup g, String iface, String typeCondition,
                                                      List<Directive> directives, SelectionSet set,
                                                      SelectionTree target, List<String> path, Provided provided,
                                                      List<Directive> conditions, Set<String> narrowed) {
            Set<FetchGroup> touched = new LinkedHashSet<>();
            List<String> owners = supergraph.entityInterfaceGraphs(iface);
            TypeMeta meta = supergraph.type(iface);
            List<Selection> rest = new ArrayList<>();
            SelectionTree here = target.fragment(null, directives);
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f && !f.getName().equals("__typename") && meta.field(f.getName()) != null
                        && local(g.subgraph, iface, f.getName(), provided)) {
                    touched.addAll(planField(g, iface, f, here, path, provided, conditions,
                            possibleAt(iface, g.subgraph)));
                } else {
                    rest.add(s);
                }
            }
            if (owners.isEmpty()) {
                return touched; // no subgraph can tell the concrete type: the condition can never be checked
            }
            Field typename = Field.newField("__typename").build();
            touched.addAll(jump(g, iface, typename, target, path, provided, conditions, owners));
            if (!rest.isEmpty()) {
                Entry entry = enter(g, iface, null, owners, target, path, provided, conditions);
                touched.addAll(entry.producers());
                touched.add(entry.group());
                touched.addAll(planFragment(entry.group(), iface, typeCondition, directives,
                        SelectionSet.newSelectionSet(rest).build(),
                        entry.group().selection.fragment(iface, List.of()), path, Provided.NONE,
                        List.of(), possibleAt(iface, entry.group().subgraph)));
            }
            return touched;
        }

        /** Graphs with the interface as an {@code @interfaceObject} that resolve its field. */
        private List<String> interfaceObjectGraphs(String iface, String field) {
            List<String> out = new ArrayList<>();
            for (String graph : supergraph.resolvingGraphs(iface, field)) {
                if (supergraph.isInterfaceObject(iface, graph)) {
                    out.add(graph);
                }
            }
            return out;
        }

        /** The object types a selection on {@code type} may meet in the graph. */
        private Set<String> possibleAt(String type, String graph) {
            if (!supergraph.isAbstract(type)) {
                return Set.of(type);
            }
            if (supergraph.isInterfaceObject(type, graph)) {
                return supergraph.allPossibleTypes(type);
            }
            return supergraph.possibleTypesIn(type, graph);
        }

        // ---- groups ---------------------------------------------------------------------------------------

        private FetchGroup newGroup(String subgraph, List<String> path, boolean entity) {
            FetchGroup g = new FetchGroup(groups.size(), subgraph, path, entity);
            groups.add(g);
            return g;
        }

        private boolean existingGroup(String subgraph, List<String> path) {
            for (FetchGroup e : groups) {
                if (e.entity && e.subgraph.equals(subgraph) && e.mergePaths.contains(path)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Reuses the entity group of that subgraph at that path unless that would create a cycle; else one of the
         * same subgraph that runs at the same point (same dependencies) and sends the same representation for the
         * type, so that one step sends one {@code _entities} request per subgraph.
         */
        private FetchGroup entityGroup(String subgraph, List<String> path, Set<FetchGroup> deps, String type,
                                       SelectionTree representation) {
            for (FetchGroup e : groups) {
                if (e.entity && e.subgraph.equals(subgraph) && e.mergePaths.contains(path)
                        && deps.stream().noneMatch(d -> d == e || d.dependsOn(e))
                        && compatible(e.requires.get(type), representation)) {
                    e.deps.addAll(deps);
                    return e;
                }
            }
            for (FetchGroup e : groups) {
                SelectionTree known = e.requires.get(type);
                if (e.entity && e.subgraph.equals(subgraph) && e.deps.equals(deps)
                        && (known == null || known.requiredFields().equals(representation.requiredFields()))) {
                    e.mergePaths.add(List.copyOf(path));
                    return e;
                }
            }
            FetchGroup e = newGroup(subgraph, path, true);
            e.deps.addAll(deps);
            return e;
        }

        /** Whether two representations can be one: no field sent twice from different response keys. */
        private boolean compatible(SelectionTree known, SelectionTree representation) {
            return known == null || compatible(known.requiredFields(), representation.requiredFields());
        }

        private boolean compatible(List<PlanNode.RequiredField> a, List<PlanNode.RequiredField> b) {
            for (PlanNode.RequiredField x : a) {
                for (PlanNode.RequiredField y : b) {
                    if (x.name().equals(y.name()) && (!x.responseKey().equals(y.responseKey())
                            || x.selections() != null && y.selections() != null
                            && !compatible(x.selections(), y.selections()))) {
                        return false;
                    }
                }
            }
            return true;
        }

        // ---- turning groups into plan nodes ---------------------------------------------------------------

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

        private int level(FetchGroup g, Map<FetchGroup, Integer> memo) {
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
            String opName = op.getName() == null ? null
                    : op.getName() + "__" + serviceName(g.subgraph).replaceAll("\\W", "_") + "__" + g.id;
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
            PlanNode.Fetch fetch = new PlanNode.Fetch(g.id, g.subgraph, serviceName(g.subgraph),
                    AstPrinter.printAstCompact(sub), opName, List.copyOf(usages), List.copyOf(requires),
                    List.copyOf(keys), g.selection.renames());
            return g.entity ? new PlanNode.Flatten(List.copyOf(g.mergePaths), fetch) : fetch;
        }

        // ---- helpers --------------------------------------------------------------------------------------

        private boolean local(String graph, String type, String field, Provided provided) {
            return supergraph.typeInGraph(type, graph)
                    && (supergraph.resolvableIn(type, field, graph) || provided.has(field));
        }

        private boolean localOnAbstract(String graph, String type, String field, Provided provided,
                                        Set<String> possible) {
            if (!local(graph, type, field, provided)) {
                return false;
            }
            for (String t : possible) {
                if (supergraph.typeInGraph(t, graph) && supergraph.type(t).field(field) != null
                        && !local(graph, t, field, provided)) {
                    return false;
                }
            }
            return true;
        }

        private boolean canProvide(String graph, String type, SelectionSet set, Provided provided) {
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    if (f.getName().equals("__typename")) {
                        continue;
                    }
                    if (!local(graph, type, f.getName(), provided)) {
                        return false;
                    }
                    if (f.getSelectionSet() != null) {
                        TypeMeta.FieldMeta meta = fieldMeta(type, f.getName());
                        if (!canProvide(graph, meta.namedType(), f.getSelectionSet(), provided.child(f.getName())
                                .with(supergraph.provides(type, f.getName(), graph)))) {
                            return false;
                        }
                    }
                } else if (s instanceof InlineFragment i) {
                    String tc = i.getTypeCondition() == null ? type : i.getTypeCondition().getName();
                    if (!canProvide(graph, tc, i.getSelectionSet(), provided)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * Required fields with arguments are fetched under an alias naming the arguments, so that they meet
         * neither the client's own selection of the field nor another requirement with other arguments.
         */
        private SelectionSet aliasArguments(SelectionSet set) {
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

        private SelectionSet requiresAst(SelectionTree tree) {
            return tree.toAst();
        }

        private void addFieldSet(SelectionTree tree, SelectionSet set) {
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

        private TypeMeta.FieldMeta fieldMeta(String type, String field) {
            TypeMeta t = supergraph.type(type);
            TypeMeta.FieldMeta meta = t == null ? null : t.field(field);
            if (meta == null) {
                throw new PlanningException("unknown field " + type + "." + field);
            }
            return meta;
        }

        private FragmentDefinition fragment(String name) {
            FragmentDefinition def = fragments.get(name);
            if (def == null) {
                throw new PlanningException("unknown fragment " + name);
            }
            return def;
        }

        private String serviceName(String graph) {
            var s = supergraph.subgraph(graph);
            return s == null ? graph : s.name();
        }
    }

    private record RootField(Field field, List<Directive> conditions) {
    }

    /** One field on the way from the root to the selection being planned. */
    private record Step(String parent, Field field, String key, List<Directive> directives, FetchGroup group,
                        SelectionTree sub, List<String> path, Provided provided) {
    }

    /** An entity group entered from another group, and the groups producing its representation's fields. */
    private record Entry(FetchGroup group, Set<FetchGroup> producers) {
    }

    private static List<Directive> conditionsOf(List<Directive> directives) {
        if (directives.isEmpty()) {
            return List.of();
        }
        return directives.stream().filter(d -> CONDITIONS.contains(d.getName())).toList();
    }

    private static List<Directive> concat(List<Directive> a, List<Directive> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<Directive> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Whether two types give the same response shape: same list/non-null wrapping, same leaf type. */
    private boolean sameShape(Type<?> a, Type<?> b) {
        if (a instanceof NonNullType || b instanceof NonNullType) {
            return a instanceof NonNullType x && b instanceof NonNullType y && sameShape(x.getType(), y.getType());
        }
        if (a instanceof ListType || b instanceof ListType) {
            return a instanceof ListType x && b instanceof ListType y && sameShape(x.getType(), y.getType());
        }
        String an = SupergraphParser.namedType(a);
        String bn = SupergraphParser.namedType(b);
        return an.equals(bn) || supergraph.isComposite(an) && supergraph.isComposite(bn);
    }

    private static int listDepth(Type<?> type) {
        if (type instanceof NonNullType nn) {
            return listDepth(nn.getType());
        }
        if (type instanceof ListType lt) {
            return 1 + listDepth(lt.getType());
        }
        return 0;
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
