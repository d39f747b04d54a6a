package org.epicontrol.roster.org;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Community")
@Key(fields = @FieldSet("id"))
public record Community(@Id @NonNull String id, @NonNull String name, @Ignore long streetId) {

    public static Community of(OrgUnit unit) {
        return new Community(unit.id(), unit.name(), unit.parentId());
    }
}
