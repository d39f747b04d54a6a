package org.epicontrol.roster.mobilisation;

import org.epicontrol.roster.people.VolunteerKind;

/**
 * How a person reports to a community (报到): as a resident, as a party member living there, or as an in-service party
 * member of a work unit reporting to the community where they live (双报到). The volunteer's kind once approved.
 */
public enum RegistrationKind {
    RESIDENT(VolunteerKind.RESIDENT),
    IN_SERVICE_PARTY_MEMBER(VolunteerKind.IN_SERVICE_PARTY_MEMBER),
    PARTY_MEMBER(VolunteerKind.PARTY_MEMBER);

    private final VolunteerKind volunteerKind;

    RegistrationKind(VolunteerKind volunteerKind) {
        this.volunteerKind = volunteerKind;
    }

    public VolunteerKind volunteerKind() {
        return volunteerKind;
    }
}
