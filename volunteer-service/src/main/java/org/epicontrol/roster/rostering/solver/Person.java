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
 * @param teams             the teams they are in (a person may be in several; a post asking for a team wants its
 *                          people to share one)
 */
public record Person(@PlanningId Long id, List<String> kinds, List<String> skills, Availability availability,
                     Integer maxMinutesPerWeek, Set<Long> preferredPosts, Set<Long> teams) {

    /** A person in no team. */
    public Person(Long id, List<String> kinds, List<String> skills, Availability availability, Integer maxMinutesPerWeek,
                  Set<Long> preferredPosts) {
        this(id, kinds, skills, availability, maxMinutesPerWeek, preferredPosts, Set.of());
    }

    /** Whether the two share a team. */
    public boolean teamedWith(Person other) {
        for (Long team : teams) {
            if (other.teams.contains(team)) {
                return true;
            }
        }
        return false;
    }

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
