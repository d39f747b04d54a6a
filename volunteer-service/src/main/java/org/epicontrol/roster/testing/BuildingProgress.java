package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("BuildingProgress")
@Description("A round's progress in one unit (单元) of one building; unitLabel is empty for a building without units")
public record BuildingProgress(
        @NonNull String unitLabel,
        @NonNull int households,
        @NonNull int accounted,
        @Description("Households not accounted for yet") @NonNull int missing,
        @Description("People living there (head counts)") @NonNull int people,
        @NonNull int peopleTested,
        @Ignore long buildingId) {
}
