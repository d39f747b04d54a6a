package org.epicontrol.roster.org;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A unit of the organisation: district, street/township, community/village, grid or building")
public record OrgUnit(
        @Id @NonNull String id,
        @NonNull OrgKind kind,
        @NonNull String name,
        @Description("The notice-service Area this unit corresponds to, if linked") String areaId,
        @Ignore Long parentId,
        @Ignore List<Long> pathIds) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
