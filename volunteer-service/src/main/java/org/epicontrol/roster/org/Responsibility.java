package org.epicontrol.roster.org;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.people.Volunteer;

@Type("Responsibility")
@Description("A person answering for a unit in a role (GRID_WORKER, COMMUNITY_CADRE, VILLAGE_DOCTOR ...)")
public record Responsibility(@NonNull String role, @NonNull Volunteer volunteer) {
}
