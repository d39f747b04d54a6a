package org.epicontrol.roster.coverage;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

public record VolunteerHours(@NonNull double hours, @NonNull int shifts, @Ignore long volunteerId) {
}
