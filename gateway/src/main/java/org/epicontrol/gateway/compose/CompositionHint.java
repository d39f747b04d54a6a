package org.epicontrol.gateway.compose;

/**
 * Something composition accepted but that may not be what the subgraphs meant (a field left out because one subgraph
 * lacks it, types that differ but fit together, ...). Codes are Apollo composition's hint codes
 * ({@code INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE}, {@code INCONSISTENT_ENTITY}, ...); messages name the subgraphs.
 */
public record CompositionHint(String code, String message) {

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
