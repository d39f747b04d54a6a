package org.epicontrol.gateway.compose;

/**
 * One reason composition failed. Codes follow Apollo's composition error codes where one exists
 * ({@code INVALID_FIELD_SHARING}, {@code FIELD_TYPE_MISMATCH}, {@code KEY_INVALID_FIELDS}, ...), so they can be
 * looked up in its documentation; messages name the subgraph, type and field.
 */
public record CompositionError(String code, String message) {

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
