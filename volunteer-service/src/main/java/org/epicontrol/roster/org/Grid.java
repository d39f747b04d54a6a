package org.epicontrol.roster.org;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Grid")
@Key(fields = @FieldSet("id"))
public record Grid(@Id @NonNull String id, @NonNull String name, @Ignore long communityId) {

    public static Grid of(OrgUnit unit) {
        return new Grid(unit.id(), unit.name(), unit.parentId());
    }
}
