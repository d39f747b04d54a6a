package org.epicontrol.roster.people;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read a volunteer's contact data. The rule of the brief is "staff who manage that volunteer's community";
 * the per-community scope arrives with Keycloak authorisation (issue 5). Until then only a system administrator
 * qualifies, and an anonymous caller never does.
 */
@ApplicationScoped
public class ContactPolicy {

    private final SecurityIdentity identity;

    public ContactPolicy(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean maySeeContactOf(Volunteer volunteer) {
        return !identity.isAnonymous() && identity.hasRole("system-admin");
    }
}
