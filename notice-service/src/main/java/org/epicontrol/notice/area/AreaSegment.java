package org.epicontrol.notice.area;

public record AreaSegment(AreaKind kind, String key, String label) {
}
