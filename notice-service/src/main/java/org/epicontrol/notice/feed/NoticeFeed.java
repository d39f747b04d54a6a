package org.epicontrol.notice.feed;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.notice.Notice;

/** Fans each newly published notice out to the live subscribers of this instance. */
@ApplicationScoped
public class NoticeFeed {

    private final BroadcastProcessor<Notice> published = BroadcastProcessor.create();

    public void announce(Notice notice) {
        published.onNext(notice);
    }

    public Multi<Notice> published() {
        return published;
    }
}
