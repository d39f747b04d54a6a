package org.epicontrol.gateway.testing;

import java.util.StringJoiner;

/**
 * Operations on the shop of {@link Supergraphs#SHOP} built to exhaust a gateway, each a member of a class the
 * limits must catch: nested lists, big pages, wide aliases, fragments that double, depth and aliases hidden in
 * fragments.
 */
public final class HostileQueries {
    private HostileQueries() {
    }

    /** {@code product → reviews → product → reviews ...}: each level multiplies by the list size (issue 11, 1). */
    public static String nestedLists(int levels) {
        return "{ product(upc: \"p1\") { " + "reviews { product { ".repeat(levels) + "upc" + " } }".repeat(levels)
                + " } }";
    }

    /** The same through inline fragments at every level. */
    public static String nestedListsThroughInlineFragments(int levels) {
        return "{ product(upc: \"p1\") { " + "... on Product { reviews { product { ".repeat(levels) + "upc"
                + " } } }".repeat(levels) + " } }";
    }

    /** The same through a chain of named fragments, one per level. */
    public static String nestedListsThroughNamedFragments(int levels) {
        StringBuilder q = new StringBuilder("{ product(upc: \"p1\") { ...L0 } }\n");
        for (int i = 0; i < levels; i++) {
            q.append("fragment L").append(i).append(" on Product { reviews { product { ")
                    .append(i + 1 < levels ? "...L" + (i + 1) : "upc").append(" } } }\n");
        }
        return q.toString();
    }

    /** {@code n} fragments, each spreading the next one twice: 2^n copies of {@code leaf} once expanded (issue 11, 2). */
    public static String fragmentBomb(int n, String leaf) {
        StringBuilder q = new StringBuilder("{ ...F0 }\n");
        for (int i = 0; i < n; i++) {
            q.append("fragment F").append(i).append(" on Query { ")
                    .append(i + 1 < n ? "...F" + (i + 1) + " ...F" + (i + 1) : leaf).append(" }\n");
        }
        return q.toString();
    }

    /** {@code count} aliased copies of a cheap-looking page. */
    public static String wideAliases(int count, int first) {
        StringJoiner q = new StringJoiner(" ", "{ ", " }");
        for (int i = 0; i < count; i++) {
            q.add("p" + i + ": topProducts(first: " + first + ") { reviews { author { name } } }");
        }
        return q.toString();
    }

    /** {@code count} aliases inside one fragment, spread {@code spreads} times: none visible at the top level. */
    public static String aliasesInFragments(int count, int spreads) {
        StringJoiner aliases = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            aliases.add("a" + i + ": name");
        }
        return "{ me { " + "...A ".repeat(spreads) + "} }\nfragment A on User { " + aliases + " }\n";
    }

    /** {@code levels} of {@code author → reviews} nesting, each level a fragment of its own. */
    public static String deepThroughFragments(int levels) {
        StringBuilder q = new StringBuilder("{ me { ...D0 } }\n");
        for (int i = 0; i < levels; i++) {
            q.append("fragment D").append(i).append(" on User { reviews { author { ")
                    .append(i + 1 < levels ? "...D" + (i + 1) : "id").append(" } } }\n");
        }
        return q.toString();
    }
}
