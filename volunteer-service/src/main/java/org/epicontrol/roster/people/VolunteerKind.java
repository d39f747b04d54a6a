package org.epicontrol.roster.people;

/** The kinds of people the communities report; one person may be several. */
public enum VolunteerKind {
    PARTY_MEMBER, IN_SERVICE_PARTY_MEMBER, VETERAN, YOUTH_LEAGUE_MEMBER, WOMENS_TEAM, RESIDENT_REPRESENTATIVE,
    RESIDENT, GRID_WORKER, CADRE, VILLAGE_DOCTOR
}
