package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.roster.people.VolunteerKind;

import java.time.OffsetDateTime;
import java.util.List;

@Input("CallOutInput")
@Description("Whom to call (active volunteers of the community: any of kinds, all of skills, in team; each optional)"
        + " for which shifts (those of the post, or of the response's posts, or of all the community's posts, starting"
        + " in [from, to))")
public record CallOutInput(
        @Id @NonNull String communityId,
        @Id String postId,
        @Id String responseId,
        @NonNull OffsetDateTime from,
        @NonNull OffsetDateTime to,
        List<VolunteerKind> kinds,
        List<String> skills,
        @Id String teamId,
        String message) {
}
