package org.epicontrol.roster.area;

import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/**
 * notice-service's Area entity, known here by its key and, where a field needs the tree, by its ancestry:
 * {@code pathIds} is notice-service's field ({@code @external}); the gateway fetches it there and hands it over in
 * the representation of every field that {@code @requires} it. Without it (a representation of the key alone) the
 * area stands for itself only.
 */
@Type("Area")
@Key(fields = @FieldSet("id"))
@Description("A designated place (owned by notice-service); field work attached to it is owned here")
public record Area(
        @Id @NonNull String id,
        @External @Description("Ids of the area's ancestors and of the area itself, root first (the area last)")
        @Id @NonNull List<@NonNull String> pathIds) {

    /** An area known by its key alone (it stands for itself until the gateway hands over its path). */
    public static Area byKey(String id) {
        return new Area(id, List.of(id));
    }

    /** The area and its ancestors as the tree look-ups take them; the area alone when no path was given. */
    public AreaRef ref() {
        return new AreaRef(id, pathIds == null || pathIds.isEmpty() ? List.of(id) : pathIds);
    }
}
