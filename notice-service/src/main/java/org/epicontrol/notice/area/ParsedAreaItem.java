package org.epicontrol.notice.area;

import java.util.List;

/**
 * A designation item read into paths.
 *
 * @param text     the item as printed
 * @param included the places the item designates (several for "A小区(7号楼、8号楼)")
 * @param excluded the places it explicitly leaves out ("翠竹小院(C座1单元除外)")
 */
public record ParsedAreaItem(String text, List<AreaPath> included, List<AreaPath> excluded) {

    public ParsedAreaItem {
        included = List.copyOf(included);
        excluded = List.copyOf(excluded);
    }

    /** True if the item designates {@code address}: some included path covers it and no excluded path does. */
    public boolean designates(AreaPath address) {
        for (AreaPath ex : excluded) {
            if (ex.covers(address)) {
                return false;
            }
        }
        for (AreaPath in : included) {
            if (in.covers(address)) {
                return true;
            }
        }
        return false;
    }
}
