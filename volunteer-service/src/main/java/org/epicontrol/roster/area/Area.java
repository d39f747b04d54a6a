package org.epicontrol.roster.area;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The notice-service's Area entity, known here only by its key; this service adds the field-work fields. */
@Type("Area")
@Key(fields = @FieldSet("id"))
@Description("A designated place (owned by notice-service); field work attached to it is owned here")
public record Area(@Id @NonNull String id) {
}
