package org.epicontrol.roster.org;

/** The levels of the organisation, top down; each level's parent is the one before it. */
public enum OrgKind {
    DISTRICT, STREET, COMMUNITY, GRID, BUILDING;

    public OrgKind parentKind() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
