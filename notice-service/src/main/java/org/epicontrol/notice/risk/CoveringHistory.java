package org.epicontrol.notice.risk;

import io.vertx.mutiny.sqlclient.Row;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * riskLevel from the designations themselves (where the maintained map cannot say, see {@link MappedRiskLevel}): the
 * designations covering an address that started by asOf, in priority order (latest notice first, then the most
 * specific area, then the last item), with the days each counts, [effective_date, superseded_on). The decisive one at
 * a day is the first counting that day; "since" is the first day of the run of days up to asOf with the level of
 * asOf, walked back over the days the decisive designation can change (a start or an end of one of them).
 */
final class CoveringHistory {

    /** The decisive designation's row at asOf and since when its level has held; null when none counts at asOf. */
    record Decided(Row row, LocalDate since) {
    }

    private CoveringHistory() {
    }

    static Decided at(List<Row> byPriority, LocalDate asOf) {
        Row decisive = decisive(byPriority, asOf);
        if (decisive == null) {
            return null;
        }
        String level = decisive.getString("level_code");
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (Row row : byPriority) {
            changes.add(row.getLocalDate("effective_date"));
            LocalDate end = row.getLocalDate("superseded_on");
            if (end != null && !end.isAfter(asOf)) {
                changes.add(end);
            }
        }
        LocalDate since = changes.floor(asOf);
        for (LocalDate before = changes.lower(since); before != null; before = changes.lower(before)) {
            Row then = decisive(byPriority, before);
            if (then == null || !then.getString("level_code").equals(level)) {
                break;
            }
            since = before;
        }
        return new Decided(decisive, since);
    }

    private static Row decisive(List<Row> byPriority, LocalDate day) {
        for (Row row : byPriority) {
            LocalDate end = row.getLocalDate("superseded_on");
            if (!row.getLocalDate("effective_date").isAfter(day) && (end == null || end.isAfter(day))) {
                return row;
            }
        }
        return null;
    }
}
