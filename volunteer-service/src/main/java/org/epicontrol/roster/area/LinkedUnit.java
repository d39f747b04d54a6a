package org.epicontrol.roster.area;

import org.epicontrol.roster.org.OrgUnit;

/**
 * The org unit that answers for an area: the most specific unit linked to the area or to an area containing it,
 * with the grid and community above it (null where the unit is above that level).
 */
public record LinkedUnit(String areaId, OrgUnit unit, Long gridId, Long communityId) {
}
