package org.epicontrol.roster.household;

import java.util.Locale;

/**
 * The values of a household as people give them: the field of {@code HouseholdInput} and the column of the import
 * file (header in English or Chinese). A refused value names the one its author used.
 */
public enum HouseholdField {
    BUILDING("buildingId", "building", "楼栋"),
    UNIT("unitLabel", "unit", "单元"),
    ROOM("room", "room", "门牌"),
    HEAD_COUNT("headCount", "head_count", "人数"),
    CONTACT_NAME("contactName", "contact_name", "联系人"),
    CONTACT_PHONE("contactPhone", "contact_phone", "电话"),
    NEEDS("needs", "needs", "特殊群体"),
    ADDRESS("address", "address", "地址"),
    NOTE("note", "note", "备注");

    private final String inputName;
    private final String column;
    private final String chineseColumn;

    HouseholdField(String inputName, String column, String chineseColumn) {
        this.inputName = inputName;
        this.column = column;
        this.chineseColumn = chineseColumn;
    }

    public String inputName() {
        return inputName;
    }

    public String column() {
        return column;
    }

    /** The field a header cell names (English, any case, or Chinese); null if none. */
    static HouseholdField ofHeader(String cell) {
        String name = cell.strip().toLowerCase(Locale.ROOT);
        for (HouseholdField field : values()) {
            if (field.column.equals(name) || field.chineseColumn.equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** A value of this field that cannot be stored, and why. */
    static final class Invalid extends RuntimeException {

        private final HouseholdField field;

        Invalid(HouseholdField field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        HouseholdField field() {
            return field;
        }
    }
}
