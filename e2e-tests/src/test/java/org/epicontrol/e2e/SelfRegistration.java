package org.epicontrol.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An account created the way a resident creates one: Keycloak's own registration form of the realm, reached from the
 * web client's sign-in (authorization code with PKCE), filled in and sent. The account has no realm role.
 */
final class SelfRegistration {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACTION_FIRST = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-register-form\"");
    private static final String REDIRECT = "http://localhost:1/signed-in";

    private SelfRegistration() {
    }

    /** Registers {@code username} with {@code password}; fails unless Keycloak answers with the sign-in's code. */
    static void register(String realmUrl, String username, String password, String firstName, String lastName) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        URI start = URI.create(realmUrl + "/protocol/openid-connect/registrations?" + form(Map.of(
                "client_id", "epidemic-web", "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(start).GET().build());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("no registration form (is registrationAllowed on?): " + page.statusCode()
                    + " " + page.body());
        }
        String action = action(page.body()).replace("&amp;", "&");
        String fields = form(Map.of("username", username, "email", username + "@example.org", "firstName", firstName,
                "lastName", lastName, "password", password, "password-confirm", password));
        HttpResponse<String> sent = send(http, HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
        String location = sent.headers().firstValue("Location").orElse("");
        if (sent.statusCode() != 302 || !location.startsWith(REDIRECT) || !location.contains("code=")) {
            throw new IllegalStateException("registration of " + username + " refused: " + sent.statusCode() + " "
                    + location + " " + sent.body());
        }
    }

    /**
     * The cookies of the one host the form is on, kept as a browser keeps them there. Keycloak marks its login cookies
     * {@code Secure} (they are {@code SameSite=None}); a browser still sends them to http://localhost or 127.0.0.1
     * (a secure context), {@link java.net.CookieManager} does not, and Keycloak then answers the form with "Restart
     * login cookie not found".
     */
    private static final class BrowserCookies extends CookieHandler {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String header) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String attributes = header.toLowerCase(Locale.ROOT);
            // Keycloak expires a cookie with Max-Age=0 (and an Expires in 1970)
            if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String action(String html) {
        for (Pattern pattern : new Pattern[]{FORM_ACTION, ACTION_FIRST}) {
            Matcher m = pattern.matcher(html);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no registration form in the page: " + html);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
