package org.epicontrol.roster.audit;

import java.util.List;

/**
 * Who makes a change, and where in the organisation it happens: the path (district … community …) lets the staff of
 * that district or community read the event later.
 */
public record Actor(String username, String subject, List<Long> orgPath) {

    public Actor {
        orgPath = orgPath == null ? List.of() : List.copyOf(orgPath);
    }

    /** The same person acting on something elsewhere in the organisation. */
    public Actor at(List<Long> path) {
        return new Actor(username, subject, path);
    }
}
