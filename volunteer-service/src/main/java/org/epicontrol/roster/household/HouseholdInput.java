package org.epicontrol.roster.household;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("HouseholdInput")
@Description("A household's values; an update replaces them all (a field left out is cleared)")
public record HouseholdInput(
        @Description("A BUILDING unit") @Id @NonNull String buildingId,
        @Description("'2', '2单元', '２单元' are one unit, stored '2单元'; empty or left out: no unit") String unitLabel,
        @Description("'301' (a trailing 室 is dropped)") @NonNull String room,
        String address,
        @Description("0 to 50") @NonNull Integer headCount,
        String contactName,
        @Description("Digits, spaces, hyphens, an optional leading +") String contactPhone,
        // not List<@NonNull …>: SmallRye makes a record component of that type non-null itself ([HouseholdNeed!]!)
        List<HouseholdNeed> needs,
        String note,
        @Description("updateHousehold: the version read; refused with CONFLICT if it changed since") Integer version) {

    HouseholdValues values() {
        return HouseholdValues.of(unitLabel, room, address, headCount, contactName, contactPhone, needs, note);
    }
}
