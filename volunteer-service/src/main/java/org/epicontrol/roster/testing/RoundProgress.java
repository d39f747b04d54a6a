package org.epicontrol.roster.testing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("RoundProgress")
@Description("How far a round is (\"11幢、37个单元、900余人\"): the active households under its unit")
public record RoundProgress(
        @NonNull int households,
        @NonNull int accounted,
        @Description("Households not accounted for: the round cannot be completed while any are") @NonNull int missing,
        @NonNull int peopleTested,
        @Description("People living there (head counts)") @NonNull int people,
        @Description("Buildings with households") @NonNull int buildings,
        @Description("Units (单元) of those buildings; a building without units counts as one") @NonNull int units,
        @Description("One line per building and unit, in the register's order") @NonNull List<@NonNull BuildingProgress> byBuilding) {

    static RoundProgress of(List<BuildingProgress> lines) {
        int households = 0;
        int accounted = 0;
        int people = 0;
        int tested = 0;
        for (BuildingProgress line : lines) {
            households += line.households();
            accounted += line.accounted();
            people += line.people();
            tested += line.peopleTested();
        }
        int buildings = (int) lines.stream().mapToLong(BuildingProgress::buildingId).distinct().count();
        return new RoundProgress(households, accounted, households - accounted, tested, people, buildings,
                lines.size(), List.copyOf(lines));
    }
}
