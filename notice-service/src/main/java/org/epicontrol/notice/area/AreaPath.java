package org.epicontrol.notice.area;

import java.util.List;
import java.util.stream.Collectors;

public record AreaPath(String district, List<AreaSegment> segments) {
    public String localKey() {
        return segments.stream().filter(s -> s.kind() != AreaKind.STREET)
                .map(s -> s.kind().letter() + ":" + s.key()).collect(Collectors.joining("/"));
    }
}
