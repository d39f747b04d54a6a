package org.epicontrol.gateway.defer;

import graphql.schema.GraphQLNamedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.ResponseShaper;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * The incremental items of one deferred fragment: one per object at its path (with the list indices in the path)
 * that its type condition applies to, {@code {"data", "path", "label", "errors"}}. Errors of its fetches go to the
 * item whose path they are under (those under none to the first item), errors from shaping (nulls in non-null
 * positions) to the item they arise in.
 */
final class IncrementalItems {
    private IncrementalItems() {
    }

    static List<Map<String, Object>> of(Supergraph supergraph, DeferredFragment fragment, Map<String, Object> data,
                                        List<Map<String, Object>> fetchErrors, Map<String, Object> variables) {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        PlanExecutor.collect(data, fragment.path(), 0, new ArrayList<>(), objects, paths);
        GraphQLNamedType declared = (GraphQLNamedType) supergraph.apiSchema().getType(fragment.type());
        List<Map<String, Object>> unplaced = new ArrayList<>(fetchErrors);
        List<Map<String, Object>> items = new ArrayList<>();
        List<List<Map<String, Object>>> itemErrors = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> object = objects.get(i);
            if (object.get("__typename") instanceof String t && !supergraph.satisfies(t, fragment.type())) {
                continue; // the fragment's type condition does not apply to this object
            }
            List<Object> path = paths.get(i);
            List<Map<String, Object>> errors = new ArrayList<>();
            unplaced.removeIf(e -> {
                boolean under = e.get("path") instanceof List<?> p && ResponseShaper.startsWith(p, path);
                if (under) {
                    errors.add(e);
                }
                return under;
            });
            Map<String, Object> shaped = new ResponseShaper(supergraph.apiSchema(), Map.of(), variables, errors)
                    .shapeAt(declared, fragment.shaped(), object, path);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("data", shaped);
            item.put("path", path);
            if (fragment.label() != null) {
                item.put("label", fragment.label());
            }
            items.add(item);
            itemErrors.add(errors);
        }
        if (!items.isEmpty()) {
            itemErrors.get(0).addAll(unplaced);
        }
        for (int i = 0; i < items.size(); i++) {
            if (!itemErrors.get(i).isEmpty()) {
                items.get(i).put("errors", itemErrors.get(i));
            }
        }
        return items;
    }
}
