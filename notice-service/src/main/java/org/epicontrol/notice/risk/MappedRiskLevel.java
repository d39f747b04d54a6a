package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.Designation;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * riskLevel's answer read from the maintained risk map (risk_area_level): one statement of index reads, whatever the
 * number of designations, with the deciding notice and level joined in.
 *
 * <p>Why the map answers for an address: its chain of areas (root first) has a deepest member with stored periods,
 * the owner. A member below the owner has none, so no notice that is not a draft names it as a target (one that did
 * would be on the map, and would have periods wherever the owner has, its covering designations including the
 * owner's). If no designation names a member below the owner as an exception either, the designations covering the
 * address are those covering the owner, with the same priority: the address has the owner's level on every day. When
 * one does, the map cannot say, and {@link Answer#usable()} is false: the caller reads the designations instead.
 *
 * <p>"since" (since when the address has had this level without interruption) is the start of the run of adjacent
 * periods of the same level that ends with the one holding asOf.
 */
@ApplicationScoped
public class MappedRiskLevel {

    /** Periods walked back for "since", at most. */
    static final int WALK = 64;

    /** $1: the address's chain of area ids, root first; $2: asOf. */
    private static final String SQL = """
            with c as (select u.area_id, u.pos from unnest($1::bigint[]) with ordinality u(area_id, pos)),
            o as (select c.area_id, c.pos from c
                  where exists (select 1 from risk_area_level l where l.area_id = c.area_id)
                  order by c.pos desc limit 1),
            h as (select o.area_id as owner,
                         exists (select 1 from c join designation_target x on x.area_id = c.area_id and x.excluded
                                 where c.pos > coalesce(o.pos, 0)) as excepted
                  from (select 1) one left join o on true),
            p as (select l.* from h join risk_area_level l on l.area_id = h.owner and l.valid_from <= $2
                  order by l.valid_from desc limit %d)
            select h.owner, h.excepted, p.valid_from, p.valid_to, p.level_code as period_level, p.since,
                   %s, tg.area_id as target_area_id, %s, %s
            from h left join p on true
            left join designation d on d.id = p.designation_id and (p.valid_to is null or p.valid_to > $2)
            left join notice n on n.id = d.notice_id
            left join risk_level rl on rl.code = d.level_code
            left join lateral (select t.area_id from designation_target t
                               where t.designation_id = d.id and not t.excluded and t.area_id = any($1)
                               order by array_position($1, t.area_id) desc limit 1) tg on true
            order by p.valid_from desc nulls last
            """.formatted(WALK, NoticeRows.DESIGNATION_COLUMNS, NoticeRows.NOTICE_DATA_COLUMNS,
            LevelCatalog.JOINED_COLUMNS);

    /**
     * What the map says. usable false: a designation excepts a member of the chain below the owner, ask the
     * designations. designation null: nothing covers the address at asOf. With a designation come its notice and
     * its level (null for a code outside the vocabulary), read in the same statement: one round trip, not three.
     */
    public record Answer(boolean usable, Designation designation, long targetAreaId, LocalDate since, Notice notice,
                         RiskLevel level) {
        static final Answer UNUSABLE = new Answer(false, null, 0, null, null, null);
        static final Answer NONE = new Answer(true, null, 0, null, null, null);
    }

    public Uni<Answer> at(SqlClient client, Long[] chain, LocalDate asOf) {
        return client.preparedQuery(SQL).execute(Tuple.of(chain, asOf)).map(rows -> {
            List<Row> periods = new ArrayList<>();
            rows.forEach(periods::add);
            return answer(periods);
        });
    }

    private static Answer answer(List<Row> periods) {
        Row first = periods.get(0);
        if (first.getBoolean("excepted")) {
            return Answer.UNUSABLE;
        }
        if (first.getValue("id") == null) {
            // no owner, or no period of the owner holds asOf
            return Answer.NONE;
        }
        String level = first.getString("period_level");
        LocalDate since = first.getLocalDate("valid_from");
        for (Row row : periods.subList(1, periods.size())) {
            if (!Objects.equals(row.getLocalDate("valid_to"), since) || !row.getString("period_level").equals(level)) {
                break;
            }
            since = row.getLocalDate("valid_from");
        }
        Designation designation = NoticeRows.designation(first);
        return new Answer(true, designation, first.getLong("target_area_id"), since,
                NoticeRows.notice(first, designation.noticeId()), LevelCatalog.joined(first));
    }
}
