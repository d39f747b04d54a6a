package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("TestingRoundInput")
@Description("A testing round created by hand: every active household under the unit is tested on the date")
public record TestingRoundInput(
        @Description("A community, grid or building") @Id @NonNull String unitId,
        @NonNull LocalDate date,
        @Description("The notice-service Area tested, if any") String areaId,
        @Description("Which round this is (default 1)") Integer round,
        @Description("Rounds planned in all (default: this round's number)") Integer rounds) {
}
