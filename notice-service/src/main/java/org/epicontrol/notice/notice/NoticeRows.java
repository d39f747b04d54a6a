package org.epicontrol.notice.notice;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** Maps rows of the notice and designation tables. */
public final class NoticeRows {

    /** A notice's columns but its id: for a statement that joins the notice to a row whose "id" is another's. */
    public static final String NOTICE_DATA_COLUMNS = "n.issuer, n.year, n.number, n.issue_date, n.effective_date,"
            + " n.title, n.legal_basis, n.measures, n.status, n.message_type, n.superseded_on, n.warnings, n.source_text,"
            + " n.references_id, n.superseded_by, n.created_by, n.published_by";

    public static final String NOTICE_COLUMNS = "n.id, " + NOTICE_DATA_COLUMNS;

    public static final String DESIGNATION_COLUMNS = "d.id, d.ordinal, d.district, d.item_text, d.action, d.level_code, d.notice_id";

    private NoticeRows() {
    }

    public static Notice notice(Row row) {
        return notice(row, row.getLong("id"));
    }

    /** The notice of {@link #NOTICE_DATA_COLUMNS}, whose id the caller has from elsewhere in the row. */
    public static Notice notice(Row row, long id) {
        List<NoticeWarning> warnings = new ArrayList<>();
        Object raw = row.getValue("warnings");
        JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
        for (Object o : array) {
            JsonObject w = (JsonObject) o;
            warnings.add(new NoticeWarning(w.getString("code"), w.getString("message")));
        }
        return new Notice(String.valueOf(id), row.getString("issuer"), row.getInteger("year"),
                row.getInteger("number"), row.getLocalDate("issue_date"), row.getLocalDate("effective_date"),
                row.getString("title"), row.getString("legal_basis"), row.getString("measures"),
                NoticeStatus.valueOf(row.getString("status")), MessageType.valueOf(row.getString("message_type")),
                row.getLocalDate("superseded_on"), warnings, row.getString("source_text"),
                row.getLong("references_id"), row.getLong("superseded_by"), row.getString("created_by"),
                row.getString("published_by"));
    }

    public static Designation designation(Row row) {
        return new Designation(String.valueOf(row.getLong("id")), row.getInteger("ordinal"), row.getString("district"),
                row.getString("item_text"), row.getString("action"), row.getString("level_code"),
                row.getLong("notice_id"));
    }

    public static JsonArray warningsJson(List<NoticeWarning> warnings) {
        JsonArray array = new JsonArray();
        for (NoticeWarning w : warnings) {
            array.add(new JsonObject().put("code", w.code()).put("message", w.message()));
        }
        return array;
    }
}
