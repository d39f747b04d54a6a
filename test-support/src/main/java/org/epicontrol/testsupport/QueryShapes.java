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

    /** step { step { … leaf … } }: times nested step fields around leaf (a cheap chain of single objects). */
    public static String chain(String step, int times, String leaf) {
        return (step + " { ").repeat(times) + leaf + " }".repeat(times);
    }

    /**
     * The same chain spread over fragments C0 … C(times-1) on type, each selecting step with the next spread inside:
     * as deep once expanded, though no selection set of the document nests more than two levels. root is the
     * operation's body, with "...C0" where the chain starts.
     */
    public static String chainThroughFragments(String type, String step, int times, String leaf, String root) {
        StringBuilder query = new StringBuilder("query Chain { ").append(root).append(" }");
        for (int i = 0; i < times; i++) {
            query.append(" fragment C").append(i).append(" on ").append(type).append(" { ").append(step).append(" { ")
                    .append(i == times - 1 ? leaf : "...C" + (i + 1)).append(" } }");
        }
        return query.toString();
    }
}
