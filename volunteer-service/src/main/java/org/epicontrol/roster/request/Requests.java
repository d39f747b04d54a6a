package org.epicontrol.roster.request;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.PageInfo;
import org.epicontrol.roster.people.Team;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of residents' requests in bulk (SQL): by ids for batch fields, lists under a unit, figures per community. */
@ApplicationScoped
public class Requests {

    static final String CURSOR = "request";
    /** A request's columns ({@code q}); {@code overdue} as of the statement's {@code now()}. */
    static final String COLUMNS = "q.id, q.community_id, q.household_id, q.kind, q.urgency, q.description, q.channel,"
            + " q.taken_by, q.received_at, q.due_at, q.status, q.assignee_id, q.team_id, q.assigned_at, q.closed_at,"
            + " q.outcome, q.cancel_reason, q.escalation_level,"
            + " (q.status in ('OPEN', 'ASSIGNED') and q.due_at < now()) as overdue";

    // Under a unit: a household's request sits at its building, one without a household at its community. The
    // communities concerned (under the unit, or the one above it) come first, so the community index serves.
    private static final String PAGE = "select " + COLUMNS + " from resident_request q"
            + " join org_unit c on c.id = q.community_id"
            + " left join household h on h.id = q.household_id left join org_unit b on b.id = h.building_id"
            + " where q.community_id = any(array(select o.id from org_unit o where o.kind = 'COMMUNITY'"
            + " and (o.path_ids @> array[$1::bigint]"
            + " or o.id = any(coalesce((select u.path_ids from org_unit u where u.id = $1), '{}')))))"
            + " and coalesce(b.path_ids, c.path_ids) @> array[$1::bigint]"
            + " and ($2::text is null or q.status = $2)"
            + " and (not $3 or (q.status in ('OPEN', 'ASSIGNED') and q.due_at < now()))"
            + " and q.id < $4 order by q.id desc limit $5";

    // One line per community under the unit, over the requests received in [from, to).
    private static final String FIGURES = """
            select c.id as community_id,
              count(q.id) filter (where q.status in ('OPEN', 'ASSIGNED')) as open,
              count(q.id) filter (where q.status in ('OPEN', 'ASSIGNED') and q.due_at < $4) as overdue,
              count(q.id) filter (where q.status = 'DONE') as closed,
              count(q.id) filter (where q.status = 'CANCELLED') as cancelled,
              percentile_cont(0.5) within group (order by extract(epoch from q.closed_at - q.received_at) / 60)
                filter (where q.status = 'DONE') as median_minutes
            from org_unit c
            left join resident_request q on q.community_id = c.id
              and ($2::timestamptz is null or q.received_at >= $2) and ($3::timestamptz is null or q.received_at < $3)
            where c.kind = 'COMMUNITY' and c.path_ids @> array[$1::bigint]
            group by c.id order by c.id""";

    private final Pool pool;

    public Requests(Pool pool) {
        this.pool = pool;
    }

    static ResidentRequest map(Row row) {
        return new ResidentRequest(String.valueOf(row.getLong("id")), RequestKind.valueOf(row.getString("kind")),
                RequestUrgency.valueOf(row.getString("urgency")), row.getString("description"),
                row.getString("channel"), row.getString("taken_by"), row.getOffsetDateTime("received_at"),
                row.getOffsetDateTime("due_at"), RequestStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("assigned_at"), row.getOffsetDateTime("closed_at"), row.getString("outcome"),
                row.getString("cancel_reason"), row.getInteger("escalation_level"), row.getBoolean("overdue"),
                row.getLong("community_id"), row.getLong("household_id"), row.getLong("assignee_id"),
                row.getLong("team_id"));
    }

    /** One position per id, null where there is none. */
    public Uni<List<ResidentRequest>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from resident_request q where q.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new))).map(rows -> {
                    Map<Long, ResidentRequest> found = new HashMap<>();
                    for (Row row : rows) {
                        ResidentRequest r = map(row);
                        found.put(r.numericId(), r);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    /** The teams of the ids (a request's team), one position per id, null where there is none. */
    public Uni<List<Team>> teams(List<Long> ids) {
        return pool.preparedQuery("select id, name from team where id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new))).map(rows -> {
                    Map<Long, Team> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getLong("id"), new Team(String.valueOf(row.getLong("id")),
                            row.getString("name"))));
                    return ids.stream().map(found::get).toList();
                });
    }

    /** The requests under a unit, newest first; up to {@code first + 1} of them, to tell whether there are more. */
    public Uni<Page> page(long unitId, RequestStatus status, boolean overdueOnly, int first, String after) {
        Long before = Cursor.decodeId(CURSOR, after);
        return pool.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(unitId, status == null ? null : status.name(),
                        overdueOnly, before == null ? Long.MAX_VALUE : before, first + 1)))
                .map(rows -> {
                    List<ResidentRequest> found = new ArrayList<>();
                    rows.forEach(row -> found.add(map(row)));
                    return new Page(found.subList(0, Math.min(first, found.size())), found.size() > first);
                });
    }

    /** A page as read, before the caller's rules are applied to its requests. */
    public record Page(List<ResidentRequest> requests, boolean more) {

        /** The connection of the requests the caller may see; the cursor runs on from the last one read. */
        ResidentRequestConnection connection(List<ResidentRequest> visible) {
            List<ResidentRequestConnection.Edge> edges = visible.stream()
                    .map(r -> new ResidentRequestConnection.Edge(Cursor.encode(CURSOR, r.id()), r)).toList();
            String end = requests.isEmpty() ? null : Cursor.encode(CURSOR, requests.get(requests.size() - 1).id());
            return new ResidentRequestConnection(edges, new PageInfo(more, end));
        }
    }

    /** The figures of every community under the unit (the unit itself if it is one), over [from, to). */
    public Uni<List<RequestFigures>> figures(long unitId, OffsetDateTime from, OffsetDateTime to, OffsetDateTime now) {
        return pool.preparedQuery(FIGURES).execute(Tuple.of(unitId, from, to, now)).map(rows -> {
            List<RequestFigures> lines = new ArrayList<>();
            for (Row row : rows) {
                lines.add(new RequestFigures(row.getInteger("open"), row.getInteger("overdue"),
                        row.getInteger("closed"), row.getInteger("cancelled"), row.getDouble("median_minutes"),
                        row.getLong("community_id")));
            }
            return lines;
        });
    }
}
