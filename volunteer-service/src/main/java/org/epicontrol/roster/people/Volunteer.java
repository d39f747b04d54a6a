package org.epicontrol.roster.people;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Volunteer")
@Key(fields = @FieldSet("id"))
public record Volunteer(
        @Id @NonNull String id,
        @NonNull String name,
        @NonNull List<@NonNull VolunteerKind> kinds,
        @NonNull List<@NonNull String> skills,
        @NonNull boolean active,
        @Ignore long communityId,
        // Personal data: served only through the guarded phone field.
        @Ignore String phoneNumber,
        @Ignore String userId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
