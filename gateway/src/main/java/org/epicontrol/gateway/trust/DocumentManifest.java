package org.epicontrol.gateway.trust;

import java.util.Map;

/** The registered operations: document text by its SHA-256 id (lower-case hex). Immutable. */
public record DocumentManifest(Map<String, String> bodies) {
    public static final DocumentManifest EMPTY = new DocumentManifest(Map.of());

    public DocumentManifest {
        bodies = Map.copyOf(bodies);
    }

    /** The document registered under {@code id}, or null. */
    public String body(String id) {
        return bodies.get(id);
    }

    public boolean registered(String id) {
        return bodies.containsKey(id);
    }

    public int size() {
        return bodies.size();
    }
}
