package org.epicontrol.roster.feed;

/**
 * The feed could not be read: notice-service unreachable, too slow, or an answer that is not a page of events
 * (HTTP error, GraphQL errors, an event that breaks the contract). The consumer retries with backoff.
 */
public class FeedUnavailable extends RuntimeException {

    public FeedUnavailable(String message) {
        super(message);
    }

    public FeedUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
