package org.epicontrol.roster.shift;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Shift")
@Key(fields = @FieldSet("id"))
public record Shift(
        @Id @NonNull String id,
        @NonNull OffsetDateTime startsAt,
        @NonNull OffsetDateTime endsAt,
        @NonNull int requiredHeadcount,
        @NonNull boolean cancelled,
        String cancelReason,
        @Ignore long postId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
