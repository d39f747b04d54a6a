package org.epicontrol.gateway.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Directive;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * The walk over one operation: root fields, fragments and type conditions, {@code @skip}/{@code @include}. It keeps
 * a "current" fetch group; a field the group's subgraph resolves ({@link Resolvability}) is added to it, otherwise
 * {@link EntityJumps} moves to another subgraph and the walk continues there. Each method returns the groups it
 * touched.
 */
final class OperationWalk {
    private static final int MAX_DEPTH = 256;

    private final OperationDefinition op;
    private final Map<String, FragmentDefinition> fragments;
    private final Resolvability resolvability;
    private final Supergraph supergraph;
    private final FetchGroups groups = new FetchGroups();
    /** The fields from the root down to the selection being planned. */
    private final List<Step> trail = new ArrayList<>();
    private final EntityJumps jumps;
    private final SelectionReach reach;
    private int depth;

    /** The outcome: the fetch groups, the root ones in the operation's order, and whether introspection is asked. */
    record Walked(List<FetchGroup> groups, List<FetchGroup> roots, boolean introspection) {
    }

    OperationWalk(OperationDefinition op, Map<String, FragmentDefinition> fragments, Resolvability resolvability) {
        this.op = op;
        this.fragments = fragments;
        this.resolvability = resolvability;
        this.supergraph = resolvability.supergraph();
        this.jumps = new EntityJumps(this, resolvability, groups, trail, op.getOperation());
        this.reach = new SelectionReach(resolvability, fragments);
    }

    /** Walks the operation's selection on its root type. */
    Walked walk(String rootType) {
        boolean mutation = op.getOperation() == OperationDefinition.Operation.MUTATION;
        List<RootField> rootFields = new ArrayList<>();
        collectRoot(op.getSelectionSet(), List.of(), rootFields);
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
            List<String> best = mostLocal(graphs, rootType, rf.field);
            FetchGroup group = null;
            if (mutation) {
                // Mutation fields run in order: only consecutive fields of one subgraph share a fetch.
                if (last != null && graphs.contains(last.subgraph)) {
                    group = last;
                }
            } else {
                for (FetchGroup r : roots) {
                    if (best.contains(r.subgraph)) {
                        group = r;
                        break;
                    }
                }
            }
            if (group == null) {
                group = groups.newGroup(best.get(0), List.of(), false);
                roots.add(group);
            }
            last = group;
            SelectionTree target = group.selection.fragment(null, rf.conditions);
            planField(group, rootType, rf.field, target, List.of(), Provided.NONE, List.of(), Set.of(rootType));
        }
        groups.keepDirectDependencies();
        return new Walked(groups.all(), roots, introspection);
    }

    /** Of the subgraphs resolving a root field, those answering most of its selection themselves. */
    private List<String> mostLocal(List<String> graphs, String rootType, Field field) {
        if (graphs.size() == 1) {
            return graphs;
        }
        List<String> best = new ArrayList<>();
        int max = -1;
        for (String graph : graphs) {
            int n = reach.of(graph, rootType, field);
            if (n > max) {
                max = n;
                best.clear();
            }
            if (n == max) {
                best.add(graph);
            }
        }
        return best;
    }

    /**
     * Walks {@code set} on the objects of {@code type} at {@code path} already in the response (a deferred
     * fragment), from an entity fetch into {@code graph} whose representations carry {@code key}.
     */
    Walked walkEntities(String type, List<String> path, String graph, SelectionSet key, SelectionSet set) {
        FetchGroup g = groups.newGroup(graph, path, true);
        SelectionTree representation = new SelectionTree();
        representation.typename();
        RepresentationFields.addFieldSet(representation, key);
        g.requires.put(type, representation);
        planSelectionSet(g, type, set, g.selection.fragment(type, List.of()), path, Provided.NONE, List.of(),
                resolvability.possibleAt(type, graph));
        groups.keepDirectDependencies();
        return new Walked(groups.all(), List.of(g), false);
    }

    private void collectRoot(SelectionSet set, List<Directive> conditions, List<RootField> out) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                out.add(new RootField(f, conditions));
            } else if (s instanceof InlineFragment i) {
                collectRoot(i.getSelectionSet(), Conditions.concat(conditions, Conditions.of(i.getDirectives())),
                        out);
            } else if (s instanceof FragmentSpread sp) {
                FragmentDefinition def = fragment(sp.getName());
                collectRoot(def.getSelectionSet(), Conditions.concat(conditions, Conditions.of(sp.getDirectives())),
                        out);
            }
        }
    }

    Set<FetchGroup> planSelectionSet(FetchGroup g, String parent, SelectionSet set, SelectionTree target,
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
                touched.addAll(planFragment(g, parent, tc, Conditions.of(i.getDirectives()), i.getSelectionSet(),
                        target, path, provided, conditions, possible));
            } else if (s instanceof FragmentSpread sp) {
                FragmentDefinition def = fragment(sp.getName());
                touched.addAll(planFragment(g, parent, def.getTypeCondition().getName(),
                        Conditions.of(sp.getDirectives()), def.getSelectionSet(), target, path, provided,
                        conditions, possible));
            }
        }
        return touched;
    }

    Set<FetchGroup> planFragment(FetchGroup g, String parent, String typeCondition, List<Directive> directives,
                                 SelectionSet set, SelectionTree target, List<String> path, Provided provided,
                                 List<Directive> conditions, Set<String> possible) {
        Set<String> narrowed = new LinkedHashSet<>(possible);
        narrowed.retainAll(supergraph.allPossibleTypes(typeCondition));
        if (!typeCondition.equals(parent) && supergraph.type(parent).kind() == TypeMeta.Kind.UNION) {
            // Only the members every subgraph that could answer this position returns are asked for.
            narrowed.retainAll(resolvability.commonMembers(parent, resolvability.pathGraphs(trail)));
        }
        if (narrowed.isEmpty()) {
            return Set.of(); // can never match an object at this position
        }
        if (!typeCondition.equals(parent) && supergraph.isInterfaceObject(parent, g.subgraph)) {
            return planOnInterfaceObject(g, parent, typeCondition, directives, set, target, path, provided,
                    Conditions.concat(conditions, directives));
        }
        if (!supergraph.typeInGraph(typeCondition, g.subgraph)) {
            // The subgraph does not know the (abstract) condition: spell it out per object type it knows.
            Set<FetchGroup> touched = new LinkedHashSet<>();
            for (String t : narrowed) {
                if (!t.equals(typeCondition) && supergraph.typeInGraph(t, g.subgraph)) {
                    touched.addAll(planFragment(g, parent, t, directives, set, target, path, provided,
                            conditions, Set.of(t)));
                }
            }
            return touched;
        }
        List<Directive> all = Conditions.concat(conditions, directives);
        if (typeCondition.equals(parent)) {
            return planSelectionSet(g, parent, set, target.fragment(null, directives), path, provided, all,
                    narrowed);
        }
        Set<FetchGroup> touched = new LinkedHashSet<>();
        if (supergraph.isAbstract(typeCondition)) {
            // The subgraph's own schema may not count a type here under the condition (it does not implement
            // the interface there): such a type is asked for by its own name.
            Set<String> inGraph = resolvability.possibleAt(typeCondition, g.subgraph);
            for (String t : List.copyOf(narrowed)) {
                if (!inGraph.contains(t)) {
                    narrowed.remove(t);
                    touched.addAll(planFragment(g, parent, t, directives, set, target, path, provided, conditions,
                            Set.of(t)));
                }
            }
            if (narrowed.isEmpty()) {
                return touched;
            }
        }
        touched.addAll(planSelectionSet(g, typeCondition, set, target.fragment(typeCondition, directives), path,
                provided, all, narrowed));
        return touched;
    }

    Set<FetchGroup> planField(FetchGroup g, String parent, Field field, SelectionTree target, List<String> path,
                              Provided provided, List<Directive> conditions, Set<String> possible) {
        if (++depth > MAX_DEPTH) {
            throw new PlanningException("operation too complex to plan (entity jumps do not terminate)");
        }
        try {
            String name = field.getName();
            String key = field.getAlias() != null ? field.getAlias() : name;
            List<Directive> directives = Conditions.of(field.getDirectives());
            if (name.equals("__typename")) {
                if (supergraph.isInterfaceObject(parent, g.subgraph)) {
                    // The subgraph would answer the interface's name: ask one that knows the implementations.
                    List<String> owners = supergraph.entityInterfaceGraphs(parent);
                    if (!owners.isEmpty()) {
                        return jumps.jump(g, parent, field, target, path, provided, conditions, owners);
                    }
                }
                target.field(key, name, List.of(), directives);
                return Set.of();
            }
            if (supergraph.isInterfaceObject(parent, g.subgraph)) {
                // An @interfaceObject: the subgraph sees the interface as an object type with its own fields.
                if (resolvability.local(g.subgraph, parent, name, provided)) {
                    return localOrSelfJump(g, parent, field, key, directives, target, path, provided, conditions);
                }
                return jumps.jump(g, parent, field, target, path, provided, conditions,
                        supergraph.resolvingGraphs(parent, name));
            }
            if (supergraph.isAbstract(parent)) {
                return planAbstractField(g, parent, field, key, directives, target, path, provided, conditions,
                        possible);
            }
            if (resolvability.local(g.subgraph, parent, name, provided)) {
                return localOrSelfJump(g, parent, field, key, directives, target, path, provided, conditions);
            }
            return jumps.jump(g, parent, field, target, path, provided, conditions,
                    supergraph.resolvingGraphs(parent, name));
        } finally {
            depth--;
        }
    }

    /** A field selected through an interface or union. */
    private Set<FetchGroup> planAbstractField(FetchGroup g, String parent, Field field, String key,
                                              List<Directive> directives, SelectionTree target, List<String> path,
                                              Provided provided, List<Directive> conditions, Set<String> possible) {
        String name = field.getName();
        boolean here = resolvability.localOnAbstract(g.subgraph, parent, name, provided, possible);
        List<String> objectGraphs = resolvability.interfaceObjectGraphs(parent, name);
        if (!objectGraphs.isEmpty() && !here) {
            // The interface's field is resolved by an @interfaceObject: one jump for every implementation.
            return jumps.jump(g, parent, field, target, path, provided, conditions, objectGraphs);
        }
        if (here) {
            return addLocal(g, parent, field, key, directives, target, path, provided);
        }
        // Not answerable through the interface here: ask per possible object type.
        Set<FetchGroup> touched = new LinkedHashSet<>();
        for (String t : possible) {
            if (supergraph.typeInGraph(t, g.subgraph)) {
                touched.addAll(planField(g, t, field, target.fragment(t, List.of()), path, provided, conditions,
                        Set.of(t)));
            }
        }
        return touched;
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
        if (requires == null || resolvability.canProvide(g.subgraph, parent, requires, provided)
                || g.requires.containsKey(parent)
                && RepresentationFields.covers(g.requires.get(parent).requiredFields(), requires)) {
            return addLocal(g, parent, field, key, directives, target, path, provided);
        }
        return jumps.jump(g, parent, field, target, path, provided, conditions, List.of(g.subgraph), true);
    }

    private Set<FetchGroup> addLocal(FetchGroup g, String parent, Field field, String key,
                                     List<Directive> directives, SelectionTree target, List<String> path,
                                     Provided provided) {
        TypeMeta.FieldMeta meta = resolvability.fieldMeta(parent, field.getName());
        List<Argument> args = field.getArguments();
        SelectionTree.FieldNode node = target.field(key, field.getName(), args, directives);
        // The subgraph may declare another type (@join__field(type:)): a narrower one decides which
        // fragments it accepts, and one of another shape must not meet a sibling's same key unaliased.
        Type<?> inGraph = supergraph.fieldTypeIn(parent, field.getName(), g.subgraph);
        String returnType = inGraph == null ? meta.namedType() : SupergraphParser.namedType(inGraph);
        if (inGraph != null && !resolvability.sameShape(inGraph, meta.type())) {
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
        Provided childProvided = provided.child(parent, field.getName())
                .with(supergraph.provides(parent, field.getName(), g.subgraph));
        if (supergraph.isAbstract(meta.namedType())) {
            sub.typename(); // the executor and the final shaping need the runtime type
        }
        trail.add(new Step(parent, field, key, directives, g, sub, childPath, childProvided));
        try {
            return planSelectionSet(g, returnType, field.getSelectionSet(), sub, childPath, childProvided,
                    List.of(), resolvability.possibleAt(returnType, g.subgraph));
        } finally {
            trail.remove(trail.size() - 1);
        }
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
                                                  List<Directive> conditions) {
        Set<FetchGroup> touched = new LinkedHashSet<>();
        List<String> owners = supergraph.entityInterfaceGraphs(iface);
        TypeMeta meta = supergraph.type(iface);
        List<Selection> rest = new ArrayList<>();
        SelectionTree here = target.fragment(null, directives);
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f && !f.getName().equals("__typename") && meta.field(f.getName()) != null
                    && resolvability.local(g.subgraph, iface, f.getName(), provided)) {
                touched.addAll(planField(g, iface, f, here, path, provided, conditions,
                        resolvability.possibleAt(iface, g.subgraph)));
            } else {
                rest.add(s);
            }
        }
        if (owners.isEmpty()) {
            return touched; // no subgraph can tell the concrete type: the condition can never be checked
        }
        Field typename = Field.newField("__typename").build();
        touched.addAll(jumps.jump(g, iface, typename, target, path, provided, conditions, owners));
        if (!rest.isEmpty()) {
            EntityJumps.Entry entry = jumps.enter(g, iface, null, owners, target, path, provided, conditions);
            touched.addAll(entry.producers());
            touched.add(entry.group());
            touched.addAll(planFragment(entry.group(), iface, typeCondition, directives,
                    SelectionSet.newSelectionSet(rest).build(),
                    entry.group().selection.fragment(iface, List.of()), path, Provided.NONE,
                    List.of(), resolvability.possibleAt(iface, entry.group().subgraph)));
        }
        return touched;
    }

    private FragmentDefinition fragment(String name) {
        FragmentDefinition def = fragments.get(name);
        if (def == null) {
            throw new PlanningException("unknown fragment " + name);
        }
        return def;
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

    private record RootField(Field field, List<Directive> conditions) {
    }
}
