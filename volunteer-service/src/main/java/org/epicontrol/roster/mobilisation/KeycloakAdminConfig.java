package org.epicontrol.roster.mobilisation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code keycloak-admin.*}: Keycloak's admin REST API as the service account of client {@code volunteer-service}
 * (client credentials; the realm gives that account realm-management's manage-users and view-users). Used to grant an
 * approved registrant the realm role {@code volunteer}.
 */
@ConfigMapping(prefix = "keycloak-admin")
public interface KeycloakAdminConfig {

    /** Off: approvals record the grant as pending and nothing calls Keycloak (tests without one). */
    @WithDefault("true")
    boolean enabled();

    /** Keycloak's base URL, e.g. http://keycloak:8080 (without /realms/…). */
    Optional<String> url();

    @WithDefault("epidemic")
    String realm();

    @WithDefault("volunteer-service")
    String clientId();

    Optional<String> clientSecret();

    /** The realm role an approved registrant gets. */
    @WithDefault("volunteer")
    String role();

    /** Each call to Keycloak gives up after this long (the grant stays pending, the job retries). */
    @WithDefault("5s")
    Duration timeout();
}
