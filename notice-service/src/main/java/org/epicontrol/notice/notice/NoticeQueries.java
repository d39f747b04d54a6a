package org.epicontrol.notice.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.area.AreaRow;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.PageInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of notices and their designations; batch methods answer for many parents in one statement. */
@ApplicationScoped
public class NoticeQueries {

    private final Pool pool;

    public NoticeQueries(Pool pool) {
        this.pool = pool;
    }

    public record NoticePage(List<Notice> notices, List<String> cursors, PageInfo pageInfo) {
    }

    /** includeDrafts false leaves drafts out in SQL, so pages stay full and cursors stay valid. */
    public record NoticeFilter(LocalDate from, LocalDate to, String district, NoticeStatus status,
                               boolean includeDrafts) {
    }

    public Uni<Notice> byId(long id) {
        return byId(pool, id);
    }

    /** The same, read through the given client (the read replica for public look-ups). */
    public Uni<Notice> byId(SqlClient client, long id) {
        return byIds(client, List.of(id)).map(list -> list.get(0));
    }

    /** One position per id, null where no notice has that id. */
    public Uni<List<Notice>> byIds(List<Long> ids) {
        return byIds(pool, ids);
    }

    private static Uni<List<Notice>> byIds(SqlClient client, List<Long> ids) {
        return client.preparedQuery("select " + NoticeRows.NOTICE_COLUMNS + " from notice n where n.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Notice> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getLong("id"), NoticeRows.notice(row));
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    public Uni<NoticePage> list(NoticeFilter filter, int first, String after) {
        String key = Cursor.decode("notice", after);
        LocalDate afterDate = null;
        Long afterId = null;
        if (key != null) {
            String[] parts = key.split("/");
            try {
                afterDate = LocalDate.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw new DomainException("INVALID_CURSOR", "cursor '" + after + "' is not a cursor of this listing");
            }
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new DomainException("INVALID_DATE_RANGE", "to (" + filter.to() + ") is before from (" + filter.from() + ")");
        }
        String sql = "select " + NoticeRows.NOTICE_COLUMNS + " from notice n"
                + " where ($1::date is null or n.issue_date >= $1)"
                + " and ($2::date is null or n.issue_date <= $2)"
                + " and ($3::text is null or exists (select 1 from designation d where d.notice_id = n.id and d.district = $3))"
                + " and ($4::text is null or n.status = $4)"
                + " and ($5::date is null or (n.issue_date, n.id) < ($5, $6))"
                + " and ($8 or n.status <> 'DRAFT')"
                + " order by n.issue_date desc, n.id desc limit $7";
        Tuple args = Tuple.from(Arrays.asList(filter.from(), filter.to(), filter.district(),
                filter.status() == null ? null : filter.status().name(), afterDate, afterId, first + 1,
                filter.includeDrafts()));
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Notice> notices = new ArrayList<>();
            for (Row row : rows) {
                notices.add(NoticeRows.notice(row));
            }
            boolean more = notices.size() > first;
            if (more) {
                notices = notices.subList(0, first);
            }
            List<String> cursors = notices.stream()
                    .map(n -> Cursor.encode("notice", n.issueDate() + "/" + n.id()))
                    .toList();
            return new NoticePage(notices, cursors,
                    new PageInfo(more, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1)));
        });
    }

    public Uni<List<List<Designation>>> designationsOf(List<Long> noticeIds, String district, String level) {
        String sql = "select " + NoticeRows.DESIGNATION_COLUMNS + " from designation d where d.notice_id = any($1)"
                + " and ($2::text is null or d.district = $2) and ($3::text is null or d.level_code = $3)"
                + " order by d.notice_id, d.ordinal";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(noticeIds.toArray(Long[]::new), district, level))
                .map(rows -> {
                    Map<Long, List<Designation>> byNotice = new LinkedHashMap<>();
                    for (Row row : rows) {
                        Designation d = NoticeRows.designation(row);
                        byNotice.computeIfAbsent(d.noticeId(), k -> new ArrayList<>()).add(d);
                    }
                    return noticeIds.stream().map(id -> byNotice.getOrDefault(id, List.of())).toList();
                });
    }

    /** The areas a designation covers (excluded = false) or exempts (excluded = true), per designation. */
    public Uni<List<List<Area>>> targetsOf(List<Long> designationIds, boolean excluded) {
        String sql = "select t.designation_id, " + AreaRow.COLUMNS + " from designation_target t"
                + " join area a on a.id = t.area_id where t.designation_id = any($1) and t.excluded = $2"
                + " order by t.designation_id, a.id";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(designationIds.toArray(Long[]::new), excluded))
                .map(rows -> {
                    Map<Long, List<Area>> byDesignation = new HashMap<>();
                    for (Row row : rows) {
                        byDesignation.computeIfAbsent(row.getLong("designation_id"), k -> new ArrayList<>())
                                .add(AreaRow.map(row));
                    }
                    return designationIds.stream().map(id -> byDesignation.getOrDefault(id, List.of())).toList();
                });
    }

    public Uni<List<List<DistrictCount>>> countsOf(List<Long> noticeIds) {
        String sql = "select d.notice_id, d.district, d.level_code, count(*) as n from designation d"
                + " where d.notice_id = any($1) group by d.notice_id, d.district, d.level_code"
                + " order by d.notice_id, d.level_code, d.district";
        return pool.preparedQuery(sql).execute(Tuple.of(noticeIds.toArray(Long[]::new))).map(rows -> {
            Map<Long, List<DistrictCount>> byNotice = new HashMap<>();
            for (Row row : rows) {
                byNotice.computeIfAbsent(row.getLong("notice_id"), k -> new ArrayList<>())
                        .add(new DistrictCount(row.getString("district"), row.getString("level_code"),
                                row.getInteger("n")));
            }
            return noticeIds.stream().map(id -> byNotice.getOrDefault(id, List.of())).toList();
        });
    }

    public Uni<Notice> byNumber(String issuer, int year, int number) {
        return pool.preparedQuery("select " + NoticeRows.NOTICE_COLUMNS
                        + " from notice n where n.issuer = $1 and n.year = $2 and n.number = $3")
                .execute(Tuple.of(issuer, year, number))
                .map(rows -> rows.size() == 0 ? null : NoticeRows.notice(rows.iterator().next()));
    }
}
