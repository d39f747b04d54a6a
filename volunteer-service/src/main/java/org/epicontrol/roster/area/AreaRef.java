package org.epicontrol.roster.area;

import java.util.List;

/**
 * A notice-service area as this service sees it: its id and the ids of its ancestors and itself, root first (the
 * {@code pathIds} notice-service gives, through federation or the area-event feed).
 */
public record AreaRef(String areaId, List<String> pathIds) {

    public AreaRef {
        pathIds = List.copyOf(pathIds);
        if (pathIds.isEmpty() || !pathIds.get(pathIds.size() - 1).equals(areaId)) {
            throw new IllegalArgumentException("the path of area " + areaId + " must end with the area itself");
        }
    }
}
