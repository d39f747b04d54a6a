package org.epicontrol.roster.area;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Field work along the area tree: what a batch look-up found per area id (the areas and all their ancestors, looked
 * up together in one query), gathered for each area from the areas on its path, its own first, then its ancestors'
 * from the nearest up, each object once.
 */
final class AlongPaths {

    private AlongPaths() {
    }

    /** Every area on the paths of {@code areas}, each once: what the one look-up of the batch asks for. */
    static List<String> ids(List<AreaRef> areas) {
        Set<String> ids = new LinkedHashSet<>();
        areas.forEach(a -> ids.addAll(a.pathIds()));
        return List.copyOf(ids);
    }

    /**
     * One list per area of {@code areas}, in their order. {@code found} holds one list per id of {@code ids};
     * {@code fromAncestor} says whether an object found for an ancestor (not the area itself) counts for the area.
     */
    static <T> List<List<T>> gather(List<AreaRef> areas, List<String> ids, List<List<T>> found,
                                    BiPredicate<String, T> fromAncestor) {
        Map<String, List<T>> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), found.get(i));
        }
        List<List<T>> out = new ArrayList<>(areas.size());
        for (AreaRef area : areas) {
            Set<T> gathered = new LinkedHashSet<>();
            List<String> path = area.pathIds();
            for (int i = path.size() - 1; i >= 0; i--) {
                String on = path.get(i);
                boolean self = i == path.size() - 1;
                for (T object : byId.getOrDefault(on, List.of())) {
                    if (self || fromAncestor.test(on, object)) {
                        gathered.add(object);
                    }
                }
            }
            out.add(List.copyOf(gathered));
        }
        return out;
    }
}
