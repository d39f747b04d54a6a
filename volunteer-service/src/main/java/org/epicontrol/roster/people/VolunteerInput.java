package org.epicontrol.roster.people;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("VolunteerInput")
public record VolunteerInput(
        @NonNull String name,
        String phone,
        @Id @NonNull String communityId,
        List<VolunteerKind> kinds,
        List<String> skills,
        @Id String teamId,
        String userId) {
}
