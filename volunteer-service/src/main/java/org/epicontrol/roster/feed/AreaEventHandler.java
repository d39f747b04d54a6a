package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;

/**
 * Acts on one area event (a CDI bean; the feed consumer calls every handler). Called one event at a time, in
 * sequence order; delivery is at least once, so handling the same event again must change nothing. A failed Uni
 * leaves the consumer's position before the event: it is handed over again on the next poll.
 */
public interface AreaEventHandler {

    Uni<Void> handle(AreaEvent event);
}
