package org.epicontrol.roster.shift;

import io.vertx.mutiny.sqlclient.Row;

import java.time.OffsetDateTime;

/** Maps shift and assignment rows; time ranges are read as lower/upper columns. */
public final class ShiftRows {

    public static final String SHIFT_COLUMNS = "s.id as s_id, lower(s.during) as s_start, upper(s.during) as s_end,"
            + " s.required_headcount as s_required, s.cancelled as s_cancelled, s.cancel_reason as s_reason,"
            + " s.post_id as s_post";

    public static final String ASSIGNMENT_COLUMNS = "a.id as a_id, a.status as a_status, a.source as a_source,"
            + " a.ended_reason as a_reason, a.created_at as a_created, a.shift_id as a_shift, a.volunteer_id as a_volunteer";

    private ShiftRows() {
    }

    public static Shift shift(Row row) {
        return new Shift(String.valueOf(row.getLong("s_id")), row.getOffsetDateTime("s_start"),
                row.getOffsetDateTime("s_end"), row.getInteger("s_required"), row.getBoolean("s_cancelled"),
                row.getString("s_reason"), row.getLong("s_post"));
    }

    public static Assignment assignment(Row row) {
        return new Assignment(String.valueOf(row.getLong("a_id")),
                Assignment.AssignmentStatus.valueOf(row.getString("a_status")),
                Assignment.AssignmentSource.valueOf(row.getString("a_source")), row.getString("a_reason"),
                row.getOffsetDateTime("a_created"), row.getLong("a_shift"), row.getLong("a_volunteer"));
    }

    static OffsetDateTime start(Row row) {
        return row.getOffsetDateTime("s_start");
    }
}
