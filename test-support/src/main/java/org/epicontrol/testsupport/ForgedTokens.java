package org.epicontrol.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Forgeries of a signed JWT, for tests that every service refuses them: its payload changed after signing, or its
 * signature dropped with {@code alg: none}. Works on any compact JWT (test tokens and real Keycloak tokens alike).
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The token with its realm roles replaced by system-admin, header and signature kept. */
    public static String madeSystemAdmin(String token) {
        String payload = payload(token);
        String changed = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"system-admin\"]");
        if (changed.equals(payload)) {
            throw new IllegalStateException("token carries no roles to tamper with: " + payload);
        }
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64(changed) + "." + parts[2];
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(String token) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
    }

    /** The decoded payload (claims) of a token. */
    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
