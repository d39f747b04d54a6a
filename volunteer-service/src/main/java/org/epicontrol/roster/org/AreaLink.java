package org.epicontrol.roster.org;

import org.epicontrol.common.DomainException;

/** The notice-service area id a unit or post is linked to, as a write receives it. */
public final class AreaLink {

    private static final int MAX_LENGTH = 200;

    private AreaLink() {
    }

    /** The id stripped of surrounding blanks; INVALID_INPUT when empty or longer than an area id can be. */
    public static String checked(String areaId) {
        String id = areaId == null ? "" : areaId.strip();
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            throw DomainException.invalid("areaId must have 1 to " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
