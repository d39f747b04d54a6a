package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import org.epicontrol.roster.availability.Availability;

import java.util.List;
import java.util.Set;

/**
 * A volunteer of the community's pool as the solver sees them (a problem fact): who they are for the qualification
 * rule, when they can be rostered, what they prefer.
 *
 * @param maxMinutesPerWeek preferred maximum per ISO week, null: none
 * @param preferredPosts    empty: no preference
 */
public record Person(@PlanningId Long id, List<String> kinds, List<String> skills, Availability availability,
                     Integer maxMinutesPerWeek, Set<Long> preferredPosts) {

    /** One person is one volunteer: the solver joins and groups by person, so by id, not by every component. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Person p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "volunteer " + id;
    }
}
