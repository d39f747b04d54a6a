package org.epicontrol.roster.post;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.roster.people.VolunteerKind;

import java.time.OffsetDateTime;
import java.util.List;

@Input("DutyPostInput")
public record DutyPostInput(
        @Id @NonNull String communityId,
        @NonNull String name,
        @NonNull PostKind kind,
        @NonNull int requiredHeadcount,
        List<VolunteerKind> allowedKinds,
        String requiredSkill,
        @DefaultValue("false") Boolean aroundTheClock,
        @Id String areaId,
        String address,
        @Description("From when it is staffed; default: now") OffsetDateTime activeFrom) {
}
