package org.epicontrol.notice.area;

import java.util.List;

public record ParsedAreaItem(String text, List<AreaPath> included, List<AreaPath> excluded) {
}
