package org.epicontrol.notice.area;

import java.util.Collection;
import java.util.List;

public final class AreaTextParser {
    public ParsedAreaItem parseItem(String district, String text) {
        return new ParsedAreaItem(text, List.of(new AreaPath(district, List.of(new AreaSegment(AreaKind.COMPOUND, text.replaceAll("小区$", ""), text)))), List.of());
    }

    public AreaPath parseAddress(String address, Collection<String> districts) {
        String d = districts.stream().filter(address::startsWith).findFirst().orElse(null);
        String rest = d == null ? address : address.substring(d.length());
        return new AreaPath(d, List.of(new AreaSegment(AreaKind.COMPOUND, rest.replaceAll("小区$", ""), rest)));
    }
}
