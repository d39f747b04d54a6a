package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("HouseholdTest")
@Description("The status standing for one household in a testing round (every recording is kept in the history)")
public record HouseholdTest(
        @NonNull HouseholdTestStatus status,
        @Description("People sampled (TESTED, POSITIVE)") Integer testedCount,
        @Description("Why not tested (required for REFUSED, ISOLATED; NOT_AT_HOME without one is not accounted for)")
        String reason,
        @Description("Accounted for: tested, positive, isolated, or not at home / refused with a reason")
        @NonNull boolean accounted,
        @Description("Who recorded the standing status (username)") @NonNull String recordedBy,
        @NonNull OffsetDateTime recordedAt,
        @Ignore long roundId,
        @Ignore long householdId) {
}
