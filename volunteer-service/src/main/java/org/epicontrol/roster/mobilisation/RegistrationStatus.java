package org.epicontrol.roster.mobilisation;

/** PENDING until a community administrator decides; WITHDRAWN by the registrant. */
public enum RegistrationStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN
}
