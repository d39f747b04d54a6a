package org.epicontrol.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a packaged service (the jar or the native executable that {@code @QuarkusIntegrationTest} launches,
 * production profile) needs to run on this machine: its database on the embedded PostgreSQL of
 * {@link PostgresTestResource} (init arg {@code database}; none for the gateway) and tokens checked against the OIDC
 * stub of quarkus-test-oidc-server ({@code OidcWiremockTestResource}, which must be active too). Each key is given
 * with the {@code %prod.} prefix, so that it outranks the production profile's own values whatever the rule between
 * profiled and plain keys. Telemetry export is off (no collector here); every other init arg is one more setting
 * (e.g. {@code notice-feed.url}). Register it on the {@code *IT} class with
 * {@code restrictToAnnotatedClass = true}, so that it never reaches the {@code @QuarkusTest} tests.
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    private static final String PROD = "%prod.";

    private final PostgresTestResource postgres = new PostgresTestResource();
    private final Map<String, String> extra = new LinkedHashMap<>();
    private boolean withDatabase;

    @Override
    public void init(Map<String, String> initArgs) {
        withDatabase = initArgs.containsKey("database");
        if (withDatabase) {
            postgres.init(initArgs);
        }
        initArgs.forEach((key, value) -> {
            if (!key.equals("database")) {
                extra.put(key, value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (withDatabase) {
            postgres.start().forEach((key, value) -> settings.put(PROD + key, value));
        }
        // keycloak.url is OidcWiremockTestResource's; the launched process resolves the expression itself.
        settings.put(PROD + "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
        settings.put(PROD + "quarkus.otel.sdk.disabled", "true");
        extra.forEach((key, value) -> settings.put(PROD + key, value));
        return settings;
    }

    @Override
    public void stop() {
        postgres.stop();
    }
}
