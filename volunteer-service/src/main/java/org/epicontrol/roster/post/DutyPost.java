package org.epicontrol.roster.post;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.people.VolunteerKind;

import java.time.OffsetDateTime;
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
        @Description("From when it is staffed; null: since it was created") OffsetDateTime activeFrom,
        @Description("When it was closed (or closes); null while open. Shifts after it are cancelled, coverage ignores it")
        OffsetDateTime activeUntil,
        @Description("Why it was closed") String closedReason,
        @Ignore long communityId,
        @Ignore Long responseId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
