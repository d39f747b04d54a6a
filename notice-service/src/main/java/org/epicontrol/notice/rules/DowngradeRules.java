package org.epicontrol.notice.rules;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.AreaRow;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.risk.RiskQueries;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "N consecutive days without new infections" rules, read from the level_rule table (versioned by date),
 * applied to the level each designated area has at the date asked.
 */
@ApplicationScoped
public class DowngradeRules {

    private final Pool pool;
    private final LevelCatalog levels;
    private final NoticeConfig config;
    private final AuditStore audit;

    public DowngradeRules(Pool pool, LevelCatalog levels, NoticeConfig config, AuditStore audit) {
        this.pool = pool;
        this.levels = levels;
        this.config = config;
        this.audit = audit;
    }

    public Uni<List<DowngradeCandidate>> dueAt(LocalDate asOf, String district) {
        String sql = "select " + AreaRow.COLUMNS + ", cur.level_code, cur.effective_date, cur.notice_id,"
                + " r.quiet_days, r.downgrade_to, lc.last_case from area a" + RiskQueries.current("$1")
                + " join level_rule r on r.level_code = cur.level_code and r.valid_from <= $1"
                + "   and (r.valid_to is null or r.valid_to > $1)"
                // Infections anywhere inside the area (or in an enclosing area) interrupt its quiet period.
                + " left join lateral (select max(c.report_date) as last_case from case_report c"
                + "   join area ca on ca.id = c.area_id"
                + "   where (ca.ancestor_ids @> array[a.id] or ca.id = any(a.ancestor_ids))"
                + "   and c.new_cases > 0 and c.report_date <= $1) lc on true"
                + " where exists (select 1 from designation_target dt where dt.area_id = a.id and not dt.excluded)"
                + " and ($2::text is null or a.district = $2)"
                + " and $1 - greatest(cur.effective_date, coalesce(lc.last_case, cur.effective_date)) >= r.quiet_days"
                + " order by a.district, a.id";
        return Uni.combine().all().unis(levels.byCode(), pool.preparedQuery(sql).execute(Tuple.of(asOf, district)))
                .asTuple().map(t -> {
                    Map<String, RiskLevel> known = t.getItem1();
                    List<DowngradeCandidate> due = new ArrayList<>();
                    for (Row row : t.getItem2()) {
                        LocalDate since = row.getLocalDate("effective_date");
                        LocalDate lastCase = row.getLocalDate("last_case");
                        LocalDate quietFrom = lastCase != null && lastCase.isAfter(since) ? lastCase : since;
                        due.add(new DowngradeCandidate(AreaRow.map(row), known.get(row.getString("level_code")), since,
                                lastCase, (int) ChronoUnit.DAYS.between(quietFrom, asOf),
                                row.getInteger("quiet_days"), known.get(row.getString("downgrade_to")),
                                row.getLong("notice_id")));
                    }
                    return due;
                });
    }

    /** Records (or corrects) the number of new infections of an area on a day, with its audit event. */
    public Uni<CaseReport> report(long areaId, LocalDate date, int newCases, Caller reporter) {
        if (newCases < 0) {
            throw DomainException.invalid("newCases must not be negative, was " + newCases);
        }
        LocalDate today = LocalDate.now(config.zone());
        if (date.isAfter(today)) {
            throw new DomainException("DATE_IN_FUTURE", "cannot report cases for " + date + ", after today (" + today + ")");
        }
        String sql = "insert into case_report (area_id, report_date, new_cases) select id, $2, $3 from area where id = $1"
                + " on conflict (area_id, report_date) do update set new_cases = excluded.new_cases, reported_at = now()"
                + " returning area_id";
        return pool.withTransaction(tx -> tx.preparedQuery(sql).execute(Tuple.of(areaId, date, newCases))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().failure(DomainException.notFound("area", areaId))
                        : audit.append(tx, AuditEntry.of(reporter, AuditAction.REPORT_CASES, AuditEntry.AREA, areaId,
                                new JsonObject().put("date", date.toString()).put("newCases", newCases))))
                .replaceWith(() -> new CaseReport(String.valueOf(areaId), date, newCases)));
    }
}
