package org.epicontrol.roster.post;

/** The posts communities staff: the "six posts", checkpoints, testing-site roles, captains, delivery and patrol. */
public enum PostKind {
    PARTY_MEMBER_VANGUARD, VETERAN_VANGUARD, YOUTH_LEAGUE_VANGUARD, WOMENS_VANGUARD, RESIDENT_REPRESENTATIVE_VANGUARD,
    RESIDENT_VANGUARD, CHECKPOINT, TESTING_ORDER, TESTING_REGISTRATION, TESTING_CODE_SCAN, BUILDING_CAPTAIN,
    DELIVERY, PATROL, DISINFECTION
}
