package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("TestingRound")
@Description("One round of testing everyone in an area (e.g. round 2 of 3, on the day after sealing)")
public record TestingRound(
        @Id @NonNull String id,
        @Description("The notice-service Area tested") @NonNull String areaId,
        @NonNull int round,
        @Description("Rounds planned in all") @NonNull int rounds,
        @NonNull LocalDate date,
        @NonNull TestingRoundStatus status,
        String cancelReason,
        @Ignore long responseId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
