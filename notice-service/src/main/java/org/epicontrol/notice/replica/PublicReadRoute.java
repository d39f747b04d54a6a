package org.epicontrol.notice.replica;

import java.time.Duration;

/** Which database a public look-up reads, and why when the replica was meant but the primary answers. */
enum PublicReadRoute {

    /** The replica, known to lag by no more than max-lag. */
    REPLICA,
    /** The primary as the caller's own place: no replica configured, or a caller who may see drafts. */
    PRIMARY,
    /** The primary while the replica rests after failing as unavailable: a fallback, reason {@code unavailable}. */
    PRIMARY_REPLICA_RESTING,
    /** The primary because the replica lags more than max-lag or its lag is unknown: a fallback, reason {@code lag}. */
    PRIMARY_REPLICA_LAGGING;

    static PublicReadRoute of(boolean configured, boolean seesDrafts, boolean resting, ReplicaLag.Estimate lag,
                              Duration maxLag) {
        if (!configured || seesDrafts) {
            return PRIMARY;
        }
        if (resting) {
            return PRIMARY_REPLICA_RESTING;
        }
        return lag.within(maxLag) ? REPLICA : PRIMARY_REPLICA_LAGGING;
    }
}
