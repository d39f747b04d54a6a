package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("MissedHouseholdConnection")
public record MissedHouseholdConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo,
                                        @Description("Missed households in all (every page)") @NonNull int totalCount) {

    @Type("MissedHouseholdEdge")
    public record Edge(@NonNull String cursor, @NonNull MissedHousehold node) {
    }
}
