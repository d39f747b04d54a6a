-- Where a consumer of another service's change feed stands: the last sequence it has handled completely (every
-- handler succeeded). One row per feed; the consumer creates it on first use at 0 ("from the start"). Written
-- after each event, by the one replica that holds the feed's advisory lock (feed.FeedPositions).
create table feed_position (
    feed          text primary key check (length(feed) between 1 and 200),
    last_sequence bigint not null check (last_sequence >= 0),
    updated_at    timestamptz not null default now()
);
