package org.epicontrol.roster.request;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RequestInput")
public record RequestInput(
        @Id @NonNull String communityId,
        @Description("The household it comes from, a household of the community") @Id String householdId,
        @NonNull RequestKind kind,
        @NonNull RequestUrgency urgency,
        @NonNull String description,
        @Description("PHONE (default), IN_PERSON, GRID_WORKER, WECHAT, HOTLINE, OTHER") String channel) {
}
