package org.epicontrol.e2e.access;

import java.util.List;

/**
 * Whose an object is: the organisation unit it belongs to (its path of unit names from the district down), the
 * volunteer it is about, or a draft notice; for an object addressed to an audience (an alert), the realm role its
 * audience holds over the unit. Published notice data has no owner.
 */
public record Owner(List<String> unitPath, String volunteerId, boolean draft, String audienceRole) {

    public static final Owner DRAFT = new Owner(List.of(), null, true, null);

    public static Owner unit(List<String> unitPath) {
        return new Owner(List.copyOf(unitPath), null, false, null);
    }

    public static Owner volunteer(List<String> communityPath, String volunteerId) {
        return new Owner(List.copyOf(communityPath), volunteerId, false, null);
    }

    /** Addressed to the holders of realm role {@code role} over the unit (e.g. grid-worker over a grid). */
    public static Owner audience(List<String> unitPath, String role) {
        return new Owner(List.copyOf(unitPath), null, false, role);
    }

    /** The unit the object belongs to, e.g. 南内环社区 (or "draft"). */
    public String label() {
        return draft ? "draft" : unitPath.isEmpty() ? "-" : unitPath.get(unitPath.size() - 1);
    }

    /** Whether {@code group} (a unit path, as Keycloak groups are) is this owner's unit or one above it. */
    public boolean isUnder(List<String> group) {
        return !draft && group.size() <= unitPath.size() && unitPath.subList(0, group.size()).equals(group);
    }

    /** Whether {@code group} is this owner's unit or one below it. */
    public boolean contains(List<String> group) {
        return !draft && !unitPath.isEmpty() && group.size() >= unitPath.size()
                && group.subList(0, unitPath.size()).equals(unitPath);
    }
}
