package org.epicontrol.roster.post;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.epicontrol.roster.people.VolunteerKind;

import java.time.OffsetDateTime;
import java.util.List;

@Input("DutyPostUpdate")
@Description("Changes to a duty post; a field left out (null) keeps its value. Closing is closeDutyPost")
public record DutyPostUpdate(
        String name,
        Integer requiredHeadcount,
        List<VolunteerKind> allowedKinds,
        String requiredSkill,
        Boolean aroundTheClock,
        String address,
        @Description("From when it is staffed") OffsetDateTime activeFrom) {
}
