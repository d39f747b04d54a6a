package org.epicontrol.notice.importing;

import java.util.List;
import java.util.Objects;

/**
 * One designation section, e.g. "新增高风险区20个,分别是:".
 *
 * @param levelName     one of the parser's level vocabulary, e.g. "高风险区"
 * @param action        the verb as printed ("新增", "调整为", …), null when none is printed
 * @param declaredCount the count printed in the section header, null when not printed
 * @param districts     district lists in printed order
 */
public record ParsedSection(String levelName, String action, Integer declaredCount,
                            List<ParsedDistrictList> districts) {

    public ParsedSection {
        Objects.requireNonNull(levelName, "levelName");
        districts = List.copyOf(districts);
    }

    /** Number of items listed over all districts of this section. */
    public int itemCount() {
        int n = 0;
        for (ParsedDistrictList d : districts) {
            n += d.items().size();
        }
        return n;
    }
}
