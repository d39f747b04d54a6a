package org.epicontrol.roster.feed;

/** A handler did not handle an event (failed, threw, or answered no Uni): the event stays before the position. */
public class HandlerFailed extends RuntimeException {

    private final transient AreaEvent event;
    private final String handler;

    public HandlerFailed(AreaEvent event, String handler, Throwable cause) {
        super(handler + " failed on event " + event.sequence() + " (" + event.kind() + " " + event.areaId() + "): "
                + cause, cause);
        this.event = event;
        this.handler = handler;
    }

    public AreaEvent event() {
        return event;
    }

    public String handler() {
        return handler;
    }
}
