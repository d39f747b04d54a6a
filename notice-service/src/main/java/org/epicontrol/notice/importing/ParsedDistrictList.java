package org.epicontrol.notice.importing;

import java.util.List;

/**
 * The areas one district line lists.
 *
 * @param district      district as printed, or null when the items were listed without a district header
 * @param declaredCount the "(N个)" of the header, null when not printed
 * @param items         designations as printed (line breaks repaired, trimmed, final "。" removed), in order
 */
public record ParsedDistrictList(String district, Integer declaredCount, List<String> items) {

    public ParsedDistrictList {
        items = List.copyOf(items);
    }
}
