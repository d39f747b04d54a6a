package org.epicontrol.gateway.cost;

/** A document the analysis cannot read (a fragment that spreads itself, an unknown fragment): a validation error. */
public final class InvalidOperationException extends RuntimeException {
    public InvalidOperationException(String message) {
        super(message, null, false, false);
    }
}
