package org.epicontrol.common.guard;

/** What one operation (or one part of it) would cost: its depth and its estimated number of field resolutions. */
record QueryCost(int depth, long cost) {

    static final QueryCost NONE = new QueryCost(0, 0);

    /** Costs beyond this are all "too much"; saturating keeps a fragment bomb's 2^n from overflowing. */
    static final long CAP = Long.MAX_VALUE / 4;

    /** Two selections side by side: the deeper one's depth, the costs added. */
    QueryCost and(QueryCost other) {
        return new QueryCost(Math.max(depth, other.depth), add(cost, other.cost));
    }

    static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
