package org.epicontrol.roster.feed;

/** What caused an area event: a published notice designated the area, a correction changed it, a cancellation. */
public enum AreaEventKind {
    DESIGNATED, CORRECTED, CANCELLED
}
