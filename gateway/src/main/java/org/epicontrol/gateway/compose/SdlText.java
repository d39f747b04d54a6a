package org.epicontrol.gateway.compose;

import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.Type;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Text of the supergraph SDL and of composition messages: quoted strings, descriptions, types, subgraph lists. */
final class SdlText {

    private SdlText() {
    }

    /** A GraphQL string literal. */
    static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A description on its own line(s) before an element, block-quoted when it has several lines. */
    static void description(StringBuilder out, String indent, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!text.contains("\n")) {
            out.append(indent).append(quote(text)).append('\n');
            return;
        }
        out.append(indent).append("\"\"\"\n");
        for (String line : text.split("\n", -1)) {
            out.append(indent).append(line.replace("\"\"\"", "\\\"\"\"")).append('\n');
        }
        out.append(indent).append("\"\"\"\n");
    }

    /** The first non-blank description among the sources, or null. */
    static <T> String firstDescription(List<T> sources, Function<T, String> description) {
        return sources.stream().map(description).filter(Objects::nonNull).filter(d -> !d.isBlank()).findFirst()
                .orElse(null);
    }

    /** A description's text, or null. */
    static String text(Description description) {
        return description == null ? null : description.getContent();
    }

    static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    /** {@code subgraph "a"} or {@code subgraphs "a", "b" and "c"}, for messages. */
    static <T> String graphList(List<FromSubgraph<T>> sources) {
        List<String> names = sources.stream().map(s -> "\"" + s.graph().name + "\"").distinct().toList();
        if (names.size() == 1) {
            return "subgraph " + names.get(0);
        }
        return "subgraphs " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }
}
