package org.epicontrol.gateway.defer;

import java.util.Map;

/** The first payload of an incrementally delivered response ({@code data}, {@code errors}, {@code hasNext}) and the rest. */
public record IncrementalResult(Map<String, Object> initial, IncrementalStream rest) {
}
