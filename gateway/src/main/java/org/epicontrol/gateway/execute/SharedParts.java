package org.epicontrol.gateway.execute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Copy-on-write for one request's merged data: which of its maps and lists belong to {@link SharedAnswer}s (shared
 * with other requests, never to be changed) and the merges that copy exactly the containers they write.
 *
 * <p>The rule: a container is the request's own (writable) unless it is a shared one. Only the tops of shared
 * parts are recorded (where a shared value hangs below a container of the request's own); everything below a shared
 * container is shared too. A write into a shared container copies it (one level: its children stay shared, so they
 * are recorded) and puts the copy where the original hung. Containers of the request's own are never replaced, so
 * objects collected for a pending entity fetch stay where they are while other fetches merge around them. One
 * instance per data tree: every plan merging into the same data (the parts of a deferred response) shares it.
 */
final class SharedParts {
    private Set<Object> shared;

    /** Whether any shared part was merged in (until then, merges write in place as they always did). */
    boolean any() {
        return shared != null;
    }

    boolean isShared(Object value) {
        return shared != null && shared.contains(value);
    }

    /** {@code value} (from a shared answer) now hangs below a container of the request's own. */
    void mark(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (shared == null) {
                shared = Collections.newSetFromMap(new IdentityHashMap<>(128));
            }
            shared.add(value);
        }
    }

    /** A writable copy of a shared map (with room for the fields merged into it), its values marked shared. */
    Map<String, Object> copy(Map<?, ?> map) {
        ShapedObject copy = ShapedObject.copyOf(map, 4);
        for (int i = 0, n = copy.size(); i < n; i++) {
            mark(copy.valueAt(i));
        }
        return copy;
    }

    /** A writable copy of a shared list, its items marked shared. */
    List<Object> copy(List<?> list) {
        List<Object> copy = new ArrayList<>(list);
        for (Object item : list) {
            mark(item);
        }
        return copy;
    }

    /**
     * Deep merge of {@code source} into {@code target} (the request's own) by response key; objects merge field by
     * field, lists of equal length element by element. A {@code __typename} naming an abstract type (what an
     * {@code @interfaceObject} subgraph answers) never replaces a concrete one found before.
     */
    void mergeMaps(Map<String, Object> target, Map<String, Object> source, boolean sourceShared,
                   Predicate<String> isAbstract) {
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object existing = target.get(e.getKey());
            Object incoming = e.getValue();
            if (existing != null && e.getKey().equals("__typename") && incoming instanceof String t
                    && isAbstract.test(t)) {
                continue;
            }
            if (existing == null) {
                if (sourceShared) {
                    mark(incoming);
                }
                target.put(e.getKey(), incoming);
            } else {
                target.put(e.getKey(), mergeValues(existing, incoming, sourceShared, isAbstract));
            }
        }
    }

    /** The merged value to put where {@code existing} hangs (in a container of the request's own). */
    private Object mergeValues(Object existing, Object incoming, boolean incomingShared,
                               Predicate<String> isAbstract) {
        if (existing instanceof Map<?, ?> em && incoming instanceof Map<?, ?> im) {
            Map<String, Object> target = isShared(em) ? copy(em) : PlanExecutor.cast(em);
            mergeMaps(target, PlanExecutor.cast(im), incomingShared, isAbstract);
            return target;
        }
        if (existing instanceof List<?> el && incoming instanceof List<?> il && el.size() == il.size()) {
            @SuppressWarnings("unchecked")
            List<Object> target = isShared(el) ? copy(el) : (List<Object>) el;
            for (int i = 0; i < il.size(); i++) {
                Object x = target.get(i);
                Object in = il.get(i);
                if (x == null) {
                    if (incomingShared) {
                        mark(in);
                    }
                    target.set(i, in);
                } else {
                    target.set(i, mergeValues(x, in, incomingShared, isAbstract));
                }
            }
            return target;
        }
        if (incomingShared) {
            mark(incoming);
        }
        return incoming;
    }

    /**
     * As {@link PlanExecutor#collect}, from {@code root} (the request's own), and makes every container on the way
     * and each object found the request's own (copying shared ones), so that the entity answers can be merged into
     * them later.
     */
    void collectOwned(Map<String, Object> root, List<String> path, List<Map<String, Object>> out,
                      List<List<Object>> paths) {
        own(root, false, path, 0, new ArrayList<>(), out, paths);
    }

    /** The node, or its copy when it was shared (the caller puts the copy in its place). */
    private Object own(Object node, boolean shared, List<String> path, int i, List<Object> at,
                       List<Map<String, Object>> out, List<List<Object>> paths) {
        if (node instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> owned = shared ? copy(list) : (List<Object>) list;
            int next = i < path.size() && path.get(i).equals("@") ? i + 1 : i;
            for (int k = 0; k < owned.size(); k++) {
                Object item = owned.get(k);
                at.add(k);
                Object o = own(item, isShared(item), path, next, at, out, paths);
                at.remove(at.size() - 1);
                if (o != item) {
                    owned.set(k, o);
                }
            }
            return owned;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (i == path.size()) {
            Map<String, Object> owned = shared ? copy(map) : PlanExecutor.cast(map);
            out.add(owned);
            paths.add(List.copyOf(at));
            return owned;
        }
        String key = path.get(i);
        if (key.equals("@")) {
            return own(node, shared, path, i + 1, at, out, paths);
        }
        Object child = map.get(key);
        if (!(child instanceof Map<?, ?>) && !(child instanceof List<?> l && !l.isEmpty())) {
            return node; // nothing to collect below: no copy
        }
        Map<String, Object> owned = shared ? copy(map) : PlanExecutor.cast(map);
        at.add(key);
        Object o = own(child, isShared(child), path, i + 1, at, out, paths);
        at.remove(at.size() - 1);
        if (o != child) {
            owned.put(key, o);
        }
        return owned;
    }
}
