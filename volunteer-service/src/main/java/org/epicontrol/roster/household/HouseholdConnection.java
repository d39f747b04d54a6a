package org.epicontrol.roster.household;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("HouseholdConnection")
public record HouseholdConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo,
                                  @Description("Households matching, on every page") @NonNull int totalCount) {

    @Type("HouseholdEdge")
    public record Edge(@NonNull String cursor, @NonNull Household node) {
    }
}
