package org.epicontrol.gateway.trust;

/** A manifest that cannot be used as a whole (unreadable, unknown format, an id that is not its body's hash). */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }
}
