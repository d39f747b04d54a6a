package org.epicontrol.roster.shift;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of assignments, batched per shift. */
@ApplicationScoped
public class Assignments {

    private final Pool pool;

    public Assignments(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<List<Assignment>>> activeOnShifts(List<Long> shiftIds) {
        return pool.preparedQuery("select " + ShiftRows.ASSIGNMENT_COLUMNS + " from assignment a"
                        + " where a.shift_id = any($1) and a.status = 'ACTIVE' order by a.id")
                .execute(Tuple.of(shiftIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<Assignment>> byShift = new HashMap<>();
                    for (Row row : rows) {
                        Assignment a = ShiftRows.assignment(row);
                        byShift.computeIfAbsent(a.shiftId(), k -> new ArrayList<>()).add(a);
                    }
                    return shiftIds.stream().map(id -> byShift.getOrDefault(id, List.of())).toList();
                });
    }

    /** A person's active assignments whose time overlaps [from, to), by start. */
    public Uni<List<Assignment>> activeOfVolunteer(long volunteerId, OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery("select " + ShiftRows.ASSIGNMENT_COLUMNS + " from assignment a"
                        + " where a.volunteer_id = $1 and a.status = 'ACTIVE' and a.during && tstzrange($2, $3)"
                        + " order by lower(a.during), a.id")
                .execute(Tuple.of(volunteerId, from, to))
                .map(rows -> {
                    List<Assignment> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(ShiftRows.assignment(row));
                    }
                    return list;
                });
    }

    public Uni<List<Assignment>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + ShiftRows.ASSIGNMENT_COLUMNS + " from assignment a where a.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Assignment> found = new HashMap<>();
                    for (Row row : rows) {
                        Assignment a = ShiftRows.assignment(row);
                        found.put(Long.parseLong(a.id()), a);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }
}
