package org.epicontrol.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * What the console needs to know about its environment, handed to the browser as {@code /config.json}: where to sign
 * in (Keycloak, realm, the public client) and where the gateway answers GraphQL. The built JavaScript holds none of
 * it, so one build runs in every environment.
 */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** Keycloak's base URL as browsers reach it, e.g. {@code https://sso.epicontrol.example}. */
    @WithName("keycloak-url")
    String keycloakUrl();

    String realm();

    /** The public client (authorization code + PKCE). */
    @WithName("client-id")
    String clientId();

    /** The gateway's GraphQL endpoint as browsers reach it: absolute, or a path on the console's own origin. */
    @WithName("graphql-url")
    String graphqlUrl();
}
