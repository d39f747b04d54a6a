package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("TestingRound")
@Description("One round of testing every household of a unit (e.g. round 2 of 3, on the day after sealing): from a"
        + " response, or created by hand")
public record TestingRound(
        @Id @NonNull String id,
        @Description("The notice-service Area tested, if the round names one") String areaId,
        @NonNull int round,
        @Description("Rounds planned in all") @NonNull int rounds,
        @NonNull LocalDate date,
        @NonNull TestingRoundStatus status,
        String cancelReason,
        @Ignore Long responseId,
        @Ignore long unitId,
        @Ignore long communityId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
