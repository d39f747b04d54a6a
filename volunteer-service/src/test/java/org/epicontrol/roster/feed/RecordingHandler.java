package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A handler bean beside whatever handlers the service has: the consumer of this application hands it every event
 * (it records them for the tests under {@link FeedOnProfile}; elsewhere the consumer is off).
 */
@ApplicationScoped
public class RecordingHandler implements AreaEventHandler {

    private final Recorder recorder = new Recorder();

    @Override
    public Uni<Void> handle(AreaEvent event) {
        return recorder.handle(event);
    }

    /** Through a method: a field read on the injected client proxy would not reach the bean. */
    Recorder recorder() {
        return recorder;
    }
}
