package org.epicontrol.roster.org;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("OrgImportCounts")
public record OrgImportCounts(@NonNull int districts, @NonNull int streets, @NonNull int communities,
                              @NonNull int grids, @NonNull int buildings) {

    static OrgImportCounts of(int[] perLevel) {
        return new OrgImportCounts(perLevel[0], perLevel[1], perLevel[2], perLevel[3], perLevel[4]);
    }
}
