package org.epicontrol.roster.household;

/** Who in a household needs help (特殊群体台账): the flags of the special-groups ledger. */
public enum HouseholdNeed {
    /** 独居老人 */
    ELDERLY_ALONE,
    /** 慢性病 */
    CHRONIC_ILLNESS,
    /** 孕妇 */
    PREGNANCY,
    /** 残疾 */
    DISABILITY,
    /** 婴幼儿 */
    INFANT
}
