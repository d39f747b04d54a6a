package org.epicontrol.roster.household;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import org.epicontrol.roster.household.HouseholdField.Invalid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A community's buildings by the names an import file writes: the building's own name, or {@code grid/building}
 * where two grids of the community have a building of that name.
 */
final class BuildingNames {

    private record Building(long id, String grid) {
    }

    private final Map<String, List<Building>> byName = new HashMap<>();

    /** Rows of id, name and grid (the grid's name, null for a building directly under the community). */
    BuildingNames(RowSet<Row> rows) {
        for (Row row : rows) {
            byName.computeIfAbsent(row.getString("name"), k -> new ArrayList<>())
                    .add(new Building(row.getLong("id"), row.getString("grid")));
        }
    }

    /** The building's id; {@link Invalid} if the community has none or several of that name. */
    long resolve(String written) {
        List<Building> named = byName.getOrDefault(written, List.of());
        int slash = written.indexOf('/');
        if (named.isEmpty() && slash > 0) {
            String grid = written.substring(0, slash).strip();
            named = byName.getOrDefault(written.substring(slash + 1).strip(), List.of()).stream()
                    .filter(b -> grid.equals(b.grid())).toList();
        }
        if (named.isEmpty()) {
            throw new Invalid(HouseholdField.BUILDING, "'" + written + "' is not a building of this community");
        }
        if (named.size() > 1) {
            throw new Invalid(HouseholdField.BUILDING, "'" + written + "' is a building of several grids ("
                    + String.join(", ", named.stream().map(Building::grid).map(String::valueOf).toList())
                    + "); write grid/building");
        }
        return named.get(0).id();
    }
}
