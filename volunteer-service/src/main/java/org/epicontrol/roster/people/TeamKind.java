package org.epicontrol.roster.people;

/** What a team is for: 党员突击队 (a party-member team), 送餐队 (meal delivery), 临时党支部 (a temporary party branch). */
public enum TeamKind {
    PARTY_TEAM, MEAL_DELIVERY, TEMPORARY_PARTY_BRANCH, OTHER
}
