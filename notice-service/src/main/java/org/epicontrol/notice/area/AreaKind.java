package org.epicontrol.notice.area;

/** Depth of a place in the address hierarchy. */
public enum AreaKind {
    /** The root of each district's tree; never a segment of an {@link AreaPath}, which holds the district apart. */
    DISTRICT("D"),
    /** Street office, town, township or community (街道/镇/乡/社区); optional in addresses, so not in local keys. */
    STREET("S"),
    /** Compound, village, institution or named place (小区, 宿舍, 孔村, 丽枫酒店). */
    COMPOUND("C"),
    /** Part of a compound: 北区, A区, 二期, 八号园, 26号院. "X" because "S" is the street's letter. */
    SECTION("X"),
    /** Building: 4号楼, 2栋, 3幢, C座. */
    BUILDING("B"),
    /** Entrance unit: 2单元. */
    UNIT("U"),
    /** Below a unit or building: 半边户, a room number. */
    PART("P");

    private final String letter;

    AreaKind(String letter) {
        this.letter = letter;
    }

    /** Letter used in {@link AreaPath#localKey()}. */
    public String letter() {
        return letter;
    }
}
