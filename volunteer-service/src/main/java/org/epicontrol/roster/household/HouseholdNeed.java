package org.epicontrol.roster.household;

import java.util.Locale;

/** Who in a household needs help (特殊群体台账): the flags of the special-groups ledger. */
public enum HouseholdNeed {
    /** 独居老人 */
    ELDERLY_ALONE("独居老人"),
    /** 慢性病 */
    CHRONIC_ILLNESS("慢性病"),
    /** 孕妇 */
    PREGNANCY("孕妇"),
    /** 残疾 */
    DISABILITY("残疾"),
    /** 婴幼儿 */
    INFANT("婴幼儿");

    private final String label;

    HouseholdNeed(String label) {
        this.label = label;
    }

    /** The code (any case) or the Chinese label the reports use; null if it is neither. */
    public static HouseholdNeed parse(String text) {
        for (HouseholdNeed need : values()) {
            if (need.name().equals(text.toUpperCase(Locale.ROOT)) || need.label.equals(text)) {
                return need;
            }
        }
        return null;
    }

    /** The Chinese label of the ledger. */
    public String label() {
        return label;
    }
}
