package org.epicontrol.roster.feed;

/**
 * How one batch ended: the position it left, how many events it handled and, when a handler failed, on what.
 *
 * @param outcome  {@code NOT_LEADING}: another consumer holds the feed; {@code CAUGHT_UP}: nothing more to read
 *                 for now; {@code MORE}: the feed has more after this page; {@code HANDLER_FAILED}: stopped before
 *                 {@code failure.event()}; {@code STOPPED}: the consumer is stopping
 * @param failure  the failure when {@code HANDLER_FAILED}, else null
 */
public record BatchResult(Outcome outcome, long position, int handled, HandlerFailed failure) {

    public enum Outcome { NOT_LEADING, CAUGHT_UP, MORE, HANDLER_FAILED, STOPPED }

    static BatchResult notLeading() {
        return new BatchResult(Outcome.NOT_LEADING, -1, 0, null);
    }
}
