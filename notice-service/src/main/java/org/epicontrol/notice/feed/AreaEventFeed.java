package org.epicontrol.notice.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.area.AreaRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the change feed in sequence order (SQL on the reactive client: the query is the point). Every row is of a
 * published notice (AreaEventLog writes only when publishing), so the feed is public as it is.
 */
@ApplicationScoped
public class AreaEventFeed {

    private static final String PAGE = "select e.sequence, e.kind, " + AreaRow.COLUMNS + ","
            + " e.level, e.level_in_force, e.effective_date, e.notice_id, n.number, e.occurred_at"
            + " from area_event e join area a on a.id = e.area_id join notice n on n.id = e.notice_id"
            + " where e.sequence > $1 order by e.sequence limit $2";

    private final Pool pool;

    public AreaEventFeed(Pool pool) {
        this.pool = pool;
    }

    /** The events after the given sequence (null: from the start), at most first, and whether more follow. */
    public Uni<AreaEventPage> after(Long after, int first) {
        // one more than asked: says whether more follow without a count
        return pool.preparedQuery(PAGE).execute(Tuple.of(after == null ? 0L : after, first + 1)).map(rows -> {
            List<AreaEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(map(row));
            }
            boolean more = events.size() > first;
            if (more) {
                events = events.subList(0, first);
            }
            String end = events.isEmpty() ? (after == null ? null : String.valueOf(after))
                    : events.get(events.size() - 1).sequence();
            return new AreaEventPage(events, end, more);
        });
    }

    private static AreaEvent map(Row row) {
        Area area = AreaRow.map(row);
        return new AreaEvent(String.valueOf(row.getLong("sequence")), AreaEventKind.valueOf(row.getString("kind")),
                area.id(), area.pathIds(), area.district(), area.fullName(), row.getString("level"),
                row.getString("level_in_force"), row.getLocalDate("effective_date"),
                String.valueOf(row.getLong("notice_id")), row.getInteger("number"),
                row.getOffsetDateTime("occurred_at"), area);
    }
}
