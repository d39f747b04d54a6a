package org.epicontrol.roster.task;

import io.vertx.mutiny.sqlclient.Row;

/** Maps rows of task; the one place that knows its columns. */
final class TaskRows {

    static final String COLUMNS = "t.id as t_id, t.kind as t_kind, t.org_unit_id as t_unit_id,"
            + " t.household as t_household, t.area_id as t_area_id, t.description as t_description,"
            + " t.status as t_status, t.assignee_id as t_assignee_id, t.failure_reason as t_failure_reason,"
            + " t.due_at as t_due_at, t.created_at as t_created_at, t.updated_at as t_updated_at,"
            + " t.cancel_reason as t_cancel_reason, t.response_id as t_response_id,"
            + " t.household_id as t_household_id, t.testing_round_id as t_testing_round_id";

    private TaskRows() {
    }

    static Task map(Row row) {
        return new Task(String.valueOf(row.getLong("t_id")), TaskKind.valueOf(row.getString("t_kind")),
                row.getString("t_household"), row.getString("t_area_id"), row.getString("t_description"),
                TaskStatus.valueOf(row.getString("t_status")), row.getString("t_failure_reason"),
                row.getString("t_cancel_reason"),
                row.getOffsetDateTime("t_due_at"), row.getOffsetDateTime("t_created_at"),
                row.getOffsetDateTime("t_updated_at"), row.getLong("t_unit_id"), row.getLong("t_assignee_id"),
                row.getLong("t_response_id"), row.getLong("t_household_id"), row.getLong("t_testing_round_id"));
    }
}
