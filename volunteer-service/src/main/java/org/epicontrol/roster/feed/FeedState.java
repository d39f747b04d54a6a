package org.epicontrol.roster.feed;

/**
 * What this replica's consumer is doing, for the health check.
 *
 * @param role     {@code starting}, {@code leading} (this replica consumes the feed), {@code standby} (another
 *                 replica leads), {@code failing} (retrying with backoff)
 * @param position the last sequence this replica stored, -1 before it led once
 * @param failing  what fails, while failing
 */
public record FeedState(String role, long position, String failing, String lastError, long failuresInARow) {

    static FeedState initial() {
        return new FeedState("starting", -1, null, null, 0);
    }

    FeedState standby() {
        return new FeedState("standby", position, null, lastError, 0);
    }

    FeedState leading(long at) {
        return new FeedState("leading", at, null, lastError, 0);
    }

    FeedState failing(String what, String error, long inARow) {
        return new FeedState("failing", position, what, error, inARow);
    }
}
