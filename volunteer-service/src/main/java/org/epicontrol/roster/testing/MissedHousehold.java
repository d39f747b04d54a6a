package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("MissedHousehold")
@Description("A household a round has not tested yet (no status, NOT_AT_HOME or REFUSED): the door to knock on again")
public record MissedHousehold(
        @Description("The last attempt, null if nobody has recorded one") HouseholdTestStatus status,
        String reason,
        @Description("Accounted for (an attempt with a reason): the round may close without it") @NonNull boolean accounted,
        OffsetDateTime recordedAt,
        @Ignore long householdId) {
}
