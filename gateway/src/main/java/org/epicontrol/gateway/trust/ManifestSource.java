package org.epicontrol.gateway.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.epicontrol.gateway.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The manifest of registered operations in service. Read at start-up from {@code gateway.trusted-documents
 * .manifest-file}: a missing or unusable manifest stops the start (with a mode other than {@code off} the gateway
 * would otherwise refuse every client built against it). Then polled like the supergraph file, so a ConfigMap update
 * reaches running pods; a changed file that cannot be used is logged and the previous manifest stays in service.
 */
@ApplicationScoped
public class ManifestSource {
    private static final Logger LOG = Logger.getLogger(ManifestSource.class);

    private final GatewayConfig.TrustedDocuments config;
    private final Vertx vertx;
    private final ManifestParser parser;
    private volatile ManifestFile file;

    @Inject
    public ManifestSource(GatewayConfig config, Vertx vertx, ObjectMapper mapper) {
        this(config.trustedDocuments(), vertx, mapper);
    }

    ManifestSource(GatewayConfig.TrustedDocuments config, Vertx vertx, ObjectMapper mapper) {
        this.config = config;
        this.vertx = vertx;
        this.parser = new ManifestParser(mapper);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.manifestFile().isEmpty() || config.manifestFile().get().isBlank()) {
            if (config.mode() != GatewayConfig.TrustedDocumentsMode.OFF) {
                throw new IllegalStateException("gateway.trusted-documents.mode=" + config.mode().name()
                        .toLowerCase() + " needs gateway.trusted-documents.manifest-file (an empty manifest is {})");
            }
            return;
        }
        ManifestFile manifest = new ManifestFile(Path.of(config.manifestFile().get()), parser);
        manifest.reload(); // throws: the gateway does not start with a manifest it cannot use
        file = manifest;
        LOG.infof("trusted documents (mode %s): %d operations registered from %s", config.mode(),
                manifest.current().size(), manifest.path());
        long every = config.manifestPollInterval().toMillis();
        if (every > 0) {
            vertx.setPeriodic(Math.max(100, every), id -> vertx.executeBlocking(() -> {
                reload(manifest);
                return null;
            }, false));
        }
    }

    private static void reload(ManifestFile manifest) {
        try {
            if (manifest.reload()) {
                LOG.infof("trusted documents: %d operations registered from %s (changed)",
                        manifest.current().size(), manifest.path());
            }
        } catch (ManifestException e) {
            LOG.errorf("%s (keeping the %d operations registered before)", e.getMessage(),
                    manifest.current().size());
        }
    }

    /** The registered operations in service; empty when no manifest is configured. */
    public DocumentManifest current() {
        ManifestFile f = file;
        return f == null ? DocumentManifest.EMPTY : f.current();
    }
}
