package org.epicontrol.roster.people;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A team such as a bank's party-member vanguard team; its members may be in other teams too")
public record Team(@Id @NonNull String id, @NonNull String name, @NonNull TeamKind kind,
                   // a city-wide team has no community
                   @Ignore Long communityId,
                   @Ignore Long leaderId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
