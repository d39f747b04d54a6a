package org.epicontrol.gateway.access;

/** Keycloak's answer for one policy and one token; {@code UNAVAILABLE} when it could not be asked (fail closed). */
public enum PolicyDecision {
    GRANTED, DENIED, UNAVAILABLE
}
