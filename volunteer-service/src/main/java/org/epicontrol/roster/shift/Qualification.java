package org.epicontrol.roster.shift;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may staff a post: a person of one of its allowed kinds (none listed: anybody) with its required skill, if any.
 * The one rule a sign-up applies ({@link Roster}) and the open shifts offered to a volunteer
 * ({@code selfservice.OpenShifts}) leave out.
 */
public record Qualification(String postName, List<String> allowedKinds, String requiredSkill) {

    public static Qualification of(String postName, String[] allowedKinds, String requiredSkill) {
        return new Qualification(postName, Arrays.asList(allowedKinds), requiredSkill);
    }

    /** Why the person may not staff the post (the NOT_QUALIFIED message), or empty when they may. */
    public Optional<String> refusal(long volunteerId, List<String> kinds, List<String> skills) {
        if (!allowedKinds.isEmpty() && allowedKinds.stream().noneMatch(kinds::contains)) {
            return Optional.of("post " + postName + " is staffed by " + String.join(" or ", allowedKinds)
                    + "; volunteer " + volunteerId + " is " + (kinds.isEmpty() ? "none of them" : String.join(", ", kinds)));
        }
        if (requiredSkill != null && !skills.contains(requiredSkill)) {
            return Optional.of("post " + postName + " requires the skill " + requiredSkill + ", which volunteer "
                    + volunteerId + " lacks");
        }
        return Optional.empty();
    }

    public boolean admits(long volunteerId, List<String> kinds, List<String> skills) {
        return refusal(volunteerId, kinds, skills).isEmpty();
    }
}
