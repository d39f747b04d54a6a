package org.epicontrol.roster.post;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.people.VolunteerKind;

import java.util.List;

@Type("DutyPost")
@Key(fields = @FieldSet("id"))
public record DutyPost(
        @Id @NonNull String id,
        @NonNull String name,
        @NonNull PostKind kind,
        @Description("People needed on every shift") @NonNull int requiredHeadcount,
        @Description("Kinds of people who may staff it; empty means anybody") @NonNull List<@NonNull VolunteerKind> allowedKinds,
        String requiredSkill,
        @Description("Staffed 24 h a day: an hour without a shift is a gap") @NonNull boolean aroundTheClock,
        @Description("The notice-service Area it guards or serves") String areaId,
        String address,
        @Ignore long communityId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
