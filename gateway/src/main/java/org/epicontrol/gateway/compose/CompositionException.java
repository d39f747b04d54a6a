package org.epicontrol.gateway.compose;

import java.util.List;

/** The subgraphs do not compose; {@link #errors()} says every reason found, not just the first. */
public final class CompositionException extends RuntimeException {
    private final List<CompositionError> errors;

    public CompositionException(List<CompositionError> errors) {
        super(summary(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<CompositionError> errors() {
        return errors;
    }

    private static String summary(List<CompositionError> errors) {
        StringBuilder out = new StringBuilder("composition failed with ").append(errors.size())
                .append(errors.size() == 1 ? " error:" : " errors:");
        for (CompositionError e : errors) {
            out.append("\n  - ").append(e);
        }
        return out.toString();
    }
}
