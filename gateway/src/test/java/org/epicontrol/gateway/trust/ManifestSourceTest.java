package org.epicontrol.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import java.time.Duration;
import java.util.Optional;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.GatewayConfig.TrustedDocumentsMode;
import org.junit.jupiter.api.Test;

/** Start-up: the gateway does not start with a manifest it cannot use, nor without one where the mode needs it. */
class ManifestSourceTest {
    private static final String ME = "query Me { me { name } }";

    record Settings(TrustedDocumentsMode mode, Optional<String> manifestFile) implements GatewayConfig.TrustedDocuments {
        @Override
        public Duration manifestPollInterval() {
            return Duration.ZERO;
        }
    }

    private static ManifestSource source(TrustedDocumentsMode mode, String file) {
        return new ManifestSource(new Settings(mode, Optional.ofNullable(file)), null, new ObjectMapper());
    }

    @Test
    void aManifestWithAWrongIdStopsTheStartInEveryMode() {
        String file = Manifests.file("{\"" + Manifests.sha256("{ other }") + "\": \"" + ME + "\"}");
        for (TrustedDocumentsMode mode : TrustedDocumentsMode.values()) {
            ManifestException e = assertThrows(ManifestException.class,
                    () -> source(mode, file).onStart(new StartupEvent()));
            assertTrue(e.getMessage().contains("not the SHA-256"), e.getMessage());
        }
    }

    @Test
    void aMissingManifestFileStopsTheStart() {
        assertThrows(ManifestException.class, () -> source(TrustedDocumentsMode.ALL, "/nonexistent/manifest.json")
                .onStart(new StartupEvent()));
    }

    @Test
    void modesThatRefuseDocumentsNeedAManifest() {
        assertThrows(IllegalStateException.class, () -> source(TrustedDocumentsMode.ANONYMOUS, null)
                .onStart(new StartupEvent()));
        assertThrows(IllegalStateException.class, () -> source(TrustedDocumentsMode.ALL, null)
                .onStart(new StartupEvent()));
        ManifestSource off = source(TrustedDocumentsMode.OFF, null);
        off.onStart(new StartupEvent());
        assertEquals(0, off.current().size());
    }

    @Test
    void aGoodManifestIsInServiceAfterStart() {
        ManifestSource source = source(TrustedDocumentsMode.ALL, Manifests.file(Manifests.apollo(ME)));
        source.onStart(new StartupEvent());
        assertEquals(ME, source.current().body(Manifests.sha256(ME)));
    }
}
