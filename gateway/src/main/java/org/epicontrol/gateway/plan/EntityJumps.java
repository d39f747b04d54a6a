package org.epicontrol.gateway.plan;

import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * Moving the walk to another subgraph for a field the current group cannot resolve: through one of the entity's
 * {@code @key}s (the current group returns {@code __typename}, the key and {@code @requires} fields as the
 * representation, and an entity group continues at the same response path), or, for a value type, through the
 * nearest enclosing entity or the shared root fields.
 */
final class EntityJumps {
    private final OperationWalk walk;
    private final Resolvability resolvability;
    private final Supergraph supergraph;
    private final FetchGroups groups;
    private final List<Step> trail;
    private final OperationDefinition.Operation operation;

    /** An entity group entered from another group, and the groups producing its representation's fields. */
    record Entry(FetchGroup group, Set<FetchGroup> producers) {
    }

    EntityJumps(OperationWalk walk, Resolvability resolvability, FetchGroups groups, List<Step> trail,
                OperationDefinition.Operation operation) {
        this.walk = walk;
        this.resolvability = resolvability;
        this.supergraph = resolvability.supergraph();
        this.groups = groups;
        this.trail = trail;
        this.operation = operation;
    }

    Set<FetchGroup> jump(FetchGroup g, String parent, Field field, SelectionTree target, List<String> path,
                         Provided provided, List<Directive> conditions, List<String> resolving) {
        return jump(g, parent, field, target, path, provided, conditions, resolving, false);
    }

    /** Plans the field in one of the {@code resolving} subgraphs ({@code self}: the current one may be it). */
    Set<FetchGroup> jump(FetchGroup g, String parent, Field field, SelectionTree target, List<String> path,
                         Provided provided, List<Directive> conditions, List<String> resolving, boolean self) {
        String name = field.getName();
        List<String> candidates = new ArrayList<>(resolving);
        if (!self) {
            candidates.remove(g.subgraph);
        }
        if (candidates.isEmpty() && !supergraph.isAbstract(parent)) {
            // A field an implementation gets from an @interfaceObject: jump as that interface.
            for (String iface : supergraph.interfacesOf(parent)) {
                List<String> objectGraphs = resolvability.interfaceObjectGraphs(iface, name);
                objectGraphs.remove(g.subgraph);
                if (!objectGraphs.isEmpty()) {
                    return jump(g, iface, field, target, path, provided, conditions, objectGraphs);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new PlanningException("field " + parent + "." + name + " cannot be resolved from subgraph "
                    + resolvability.serviceName(g.subgraph) + " and no other subgraph resolves it");
        }
        if (candidates.stream().noneMatch(c -> resolvability.providableKey(g.subgraph, parent, c, provided))) {
            Set<FetchGroup> viaRoot = fromEnclosing(parent, field, path, conditions, candidates);
            if (viaRoot != null) {
                return viaRoot;
            }
        }
        Entry entry = enter(g, parent, name, candidates, target, path, provided, conditions);
        Set<FetchGroup> touched = new LinkedHashSet<>(entry.producers());
        touched.add(entry.group());
        touched.addAll(walk.planField(entry.group(), parent, field,
                entry.group().selection.fragment(parent, conditions), path, Provided.NONE, List.of(),
                resolvability.possibleAt(parent, entry.group().subgraph)));
        return touched;
    }

    /**
     * A field of a value type (no resolvable key where it lives) is reached again through the nearest
     * enclosing entity the candidate subgraph resolves, or else from the root (shared root fields), when that
     * subgraph resolves every field on the way down here; the answer merges into the same response objects.
     */
    private Set<FetchGroup> fromEnclosing(String parent, Field field, List<String> path,
                                          List<Directive> conditions, List<String> candidates) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            Step at = trail.get(i);
            String entity = resolvability.fieldMeta(at.parent(), at.field().getName()).namedType();
            List<Step> below = trail.subList(i + 1, trail.size());
            for (String candidate : candidates) {
                if (supergraph.isAbstract(entity)
                        || !resolvability.providableKey(at.group().subgraph, entity, candidate, at.provided())
                        || !resolvability.reachable(below, candidate)) {
                    continue;
                }
                Entry entry = enter(at.group(), entity, null, List.of(candidate), at.sub(), at.path(),
                        at.provided(), List.of());
                SelectionTree t = rebuild(entry.group().selection.fragment(entity, List.of()), entity, below,
                        parent, conditions);
                Set<FetchGroup> touched = new LinkedHashSet<>(entry.producers());
                touched.add(entry.group());
                touched.addAll(walk.planField(entry.group(), parent, field, t, path, Provided.NONE, List.of(),
                        resolvability.possibleAt(parent, candidate)));
                return touched;
            }
        }
        if (operation != OperationDefinition.Operation.QUERY) {
            return null; // mutation fields must not run twice
        }
        for (String candidate : candidates) {
            if (!resolvability.reachable(trail, candidate)) {
                continue;
            }
            FetchGroup root = groups.rootGroup(candidate);
            SelectionTree t = rebuild(root.selection, supergraph.queryType(), trail, parent, conditions);
            Set<FetchGroup> touched = new LinkedHashSet<>();
            touched.add(root);
            touched.addAll(walk.planField(root, parent, field, t, path, Provided.NONE, List.of(),
                    resolvability.possibleAt(parent, candidate)));
            return touched;
        }
        return null;
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
            at = resolvability.fieldMeta(s.parent(), s.field().getName()).namedType();
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
    Entry enter(FetchGroup g, String parent, String field, List<String> candidates, SelectionTree target,
                List<String> path, Provided provided, List<Directive> conditions) {
        String chosenGraph = null;
        TypeMeta.Key chosenKey = null;
        int best = -1;
        for (String candidate : candidates) {
            for (TypeMeta.Key k : supergraph.resolvableKeys(parent, candidate)) {
                int score = (resolvability.canProvide(g.subgraph, parent, k.selection(), provided) ? 2 : 0)
                        + (groups.existingGroup(candidate, path) ? 1 : 0);
                if (score > best) {
                    best = score;
                    chosenGraph = candidate;
                    chosenKey = k;
                }
            }
        }
        if (chosenKey == null) {
            throw new PlanningException("field " + parent + "." + field + " lives in subgraph(s) "
                    + candidates.stream().map(resolvability::serviceName).toList() + " where " + parent
                    + " has no resolvable @key, so it cannot be reached from subgraph "
                    + resolvability.serviceName(g.subgraph));
        }
        // The current group must return what the representation needs: __typename, key, required fields.
        target.typename();
        Set<String> self = resolvability.possibleAt(parent, g.subgraph);
        Set<FetchGroup> producers = new LinkedHashSet<>(walk.planSelectionSet(g, parent, chosenKey.selection(),
                target, path, provided, conditions, self));
        SelectionSet requires = field == null ? null : supergraph.requires(parent, field, chosenGraph);
        if (requires != null) {
            requires = RepresentationFields.aliasArguments(requires);
            producers.addAll(walk.planSelectionSet(g, parent, requires, target, path, provided, conditions, self));
        }
        Set<FetchGroup> deps = new LinkedHashSet<>(producers);
        deps.add(g);
        SelectionTree representation = new SelectionTree();
        representation.typename();
        RepresentationFields.addFieldSet(representation, chosenKey.selection());
        if (requires != null) {
            RepresentationFields.addFieldSet(representation, requires);
        }
        FetchGroup entityGroup = groups.entityGroup(chosenGraph, path, deps, parent, representation);
        SelectionTree existing = entityGroup.requires.putIfAbsent(parent, representation);
        if (existing != null) {
            RepresentationFields.addFieldSet(existing, representation.toAst());
        }
        return new Entry(entityGroup, producers);
    }
}
