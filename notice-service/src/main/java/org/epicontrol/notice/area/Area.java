package org.epicontrol.notice.area;

import io.smallrye.graphql.api.federation.Key;
import io.smallrye.graphql.api.federation.FieldSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * A place at some depth of the address hierarchy, shared by every notice that names it. published: a notice that is
 * no longer a draft names it or a place inside it; an area only drafts name is shown to draft readers only.
 */
@Type("Area")
@Key(fields = @FieldSet("id"))
@Description("A place at some depth of the address hierarchy (district, street, compound, section, building, unit, part)")
public record Area(
        @Id @NonNull String id,
        @NonNull String district,
        @NonNull AreaKind kind,
        @Description("The name of this level as printed, e.g. 4号楼") @NonNull String name,
        @Description("District and every level down to this one") @NonNull String fullName,
        @NonNull int depth,
        // The stored area.ancestor_ids (AreaRegistry keeps it as it inserts areas): read with the area, so a batch
        // of areas (volunteer-service @requires it through the gateway) costs no query of its own.
        @Description("Ids of the area's ancestors and of the area itself, root first (the area last)")
        @Id @NonNull List<@NonNull String> pathIds,
        @Ignore Long parentId,
        @Ignore boolean published) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
