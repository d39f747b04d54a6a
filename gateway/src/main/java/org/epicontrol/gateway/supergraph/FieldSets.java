package org.epicontrol.gateway.supergraph;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/** Parses the {@code FieldSet} strings of {@code key}, {@code requires} and {@code provides} into selection sets. */
public final class FieldSets {
    private FieldSets() {
    }

    public static SelectionSet parse(String fieldSet) {
        if (fieldSet == null || fieldSet.isBlank()) {
            return SelectionSet.newSelectionSet().build();
        }
        // A field set is a selection set without its braces.
        Document doc = Parser.parse("{" + fieldSet + "}");
        OperationDefinition op = (OperationDefinition) doc.getDefinitions().get(0);
        return op.getSelectionSet();
    }
}
