package org.epicontrol.roster.response.plan;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.people.VolunteerKind;
import org.epicontrol.roster.post.PostKind;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

@Type("PlannedPost")
@Description("A post a response opens for its area, staffed by a 24 h rotation")
public record PlannedPost(
        @Description("Names the item across plan versions: a response keeps one post per key") @NonNull String key,
        @NonNull PostKind kind,
        @Description("The post's name: {area} becomes the area's full name, {response} the response id") @NonNull String nameTemplate,
        @NonNull boolean aroundTheClock,
        @Description("Length of each shift of the rotation (24 is a multiple of it)") @NonNull int shiftHours,
        @NonNull LocalTime dayStartsAt,
        @NonNull int headcount,
        @NonNull List<@NonNull VolunteerKind> allowedKinds,
        String requiredSkill) {

    static PlannedPost of(PlanPostEntity e) {
        return new PlannedPost(e.itemKey, PostKind.valueOf(e.kind), e.nameTemplate, e.aroundTheClock, e.shiftHours,
                e.dayStartsAt, e.headcount, Arrays.stream(e.allowedKinds).map(VolunteerKind::valueOf).toList(),
                e.requiredSkill);
    }

    /** The post's name for an area and response; cut to the 200 characters a post name may have. */
    public String nameFor(String areaName, long responseId) {
        String name = nameTemplate.replace("{area}", areaName).replace("{response}", String.valueOf(responseId));
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
