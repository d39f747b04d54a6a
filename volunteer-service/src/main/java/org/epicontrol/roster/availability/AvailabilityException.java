package org.epicontrol.roster.availability;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("AvailabilityException")
public record AvailabilityException(@Id @NonNull String id, @NonNull OffsetDateTime from, @NonNull OffsetDateTime to,
                                    String reason) {
}
