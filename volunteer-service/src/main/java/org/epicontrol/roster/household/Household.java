package org.epicontrol.roster.household;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Household")
@Description("A household (户) of a building and unit: the door testing rounds knock on and requests come from")
public record Household(
        @Id @NonNull String id,
        @Description("单元 inside the building (a numbered unit is written '2单元'), empty for a building without units")
        @NonNull String unitLabel,
        @Description("Room or door number ('301')") @NonNull String room,
        @Description("Street address when it is not the building's") String address,
        @Description("People living there") @NonNull int headCount,
        @Description("Who needs help (the special-groups ledger)") @NonNull List<@NonNull HouseholdNeed> needs,
        String note,
        @Description("False once removed (moved away, merged): kept for the rounds and requests that name it")
        @NonNull boolean active,
        @Ignore long buildingId,
        @Ignore long communityId,
        // Personal data: served only through the guarded contactName / contactPhone fields.
        @Ignore String contactNameValue,
        @Ignore String contactPhoneValue,
        @Description("Changes with every update; send it back in HouseholdInput.version to refuse an update made on a"
                + " stale copy") @NonNull int version) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
