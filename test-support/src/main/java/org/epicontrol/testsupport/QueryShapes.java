package org.epicontrol.testsupport;

/** Documents of the shapes a query guard must refuse, the same for every service's tests. */
public final class QueryShapes {

    private QueryShapes() {
    }

    /**
     * A fragment bomb: n fragments on type, each spreading the next one twice, the last selecting leaf; about 1 KB
     * for 30 fragments, and 2^(n-1) copies of leaf once expanded. root is the operation's body ("...F0" if empty).
     */
    public static String fragmentBomb(int n, String type, String leaf, String root) {
        StringBuilder query = new StringBuilder("query Bomb { ").append(root.isEmpty() ? "...F0" : root).append(" }");
        for (int i = 0; i < n - 1; i++) {
            query.append(" fragment F").append(i).append(" on ").append(type)
                    .append(" { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return query.append(" fragment F").append(n - 1).append(" on ").append(type).append(" { ").append(leaf)
                .append(" }").toString();
    }

    /** count aliases a0, a1, … of the same field selection, in one operation. */
    public static String aliases(int count, String selection) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": ").append(selection);
        }
        return query.append(" }").toString();
    }

    /** field { step { field { step { … leaf … } } } }: levels times "field { step {" around leaf. */
    public static String recursion(String field, String step, int levels, String leaf) {
        return (field + " { " + step + " { ").repeat(levels) + leaf + " } }".repeat(levels);
    }
}
