package org.epicontrol.gateway.trust;

import java.util.HashMap;
import java.util.Map;

/** Test profile settings: bearer tokens verified against quarkus-test-oidc-server, so callers can sign in. */
public final class OidcProfiles {
    private OidcProfiles() {
    }

    public static Map<String, String> withTokens(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("quarkus.oidc.tenant-enabled", "true");
        all.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
        return all;
    }
}
