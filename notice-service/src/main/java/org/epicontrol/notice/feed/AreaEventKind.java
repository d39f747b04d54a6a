package org.epicontrol.notice.feed;

import org.eclipse.microprofile.graphql.Description;
import org.epicontrol.notice.notice.MessageType;

@Description("What changed an area: a first notice designated it, a correction changed it, a cancellation voided it")
public enum AreaEventKind {
    DESIGNATED, CORRECTED, CANCELLED;

    /** The kind of every event a publication of this message type writes. */
    public static AreaEventKind of(MessageType type) {
        return switch (type) {
            case ALERT -> DESIGNATED;
            case UPDATE -> CORRECTED;
            case CANCEL -> CANCELLED;
        };
    }
}
