package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.common.PageInfo;

import java.util.List;

@Type("HouseholdTestConnection")
public record HouseholdTestConnection(@NonNull List<@NonNull Edge> edges, @NonNull PageInfo pageInfo,
                                      @Description("Households with a status in all (every page)") @NonNull int totalCount) {

    @Type("HouseholdTestEdge")
    public record Edge(@NonNull String cursor, @NonNull HouseholdTest node) {
    }
}
