package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.area.AreaRegistry;
import org.epicontrol.notice.area.AreaRow;
import org.epicontrol.notice.area.AreaPath;
import org.epicontrol.notice.area.AreaTextParser;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.Designation;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeQueries;
import org.epicontrol.notice.notice.NoticeRows;
import org.epicontrol.notice.replica.PublicReads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The level of a place at a date: among the designations in force that cover it (its own area or an enclosing
 * one, and not exempted by an exception of the same designation), the latest notice wins; within one notice the
 * most specific area wins.
 */
@ApplicationScoped
public class RiskQueries {

    /** A notice counts from its effective date until a correction supersedes it. */
    static String inForce(String asOf) {
        return "n.status <> 'DRAFT' and n.effective_date <= " + asOf
                + " and (n.superseded_on is null or n.superseded_on > " + asOf + ")";
    }

    /**
     * $1: the chain of area ids, root first; $2: asOf. Every designation covering the chain that started by asOf and
     * ever counted, latest first (see {@link CoveringHistory}).
     */
    private static final String COVERING = "select " + NoticeRows.DESIGNATION_COLUMNS + ", t.area_id as target_area_id,"
            + " n.effective_date, n.superseded_on from designation_target t"
            + " join designation d on d.id = t.designation_id join notice n on n.id = d.notice_id"
            + " where t.area_id = any($1) and not t.excluded and n.status <> 'DRAFT' and n.effective_date <= $2"
            + " and (n.superseded_on is null or n.superseded_on > n.effective_date)"
            + " and not exists (select 1 from designation_target x where x.designation_id = t.designation_id"
            + "   and x.excluded and x.area_id = any($1))"
            + " order by n.effective_date desc, n.year desc, n.number desc, n.id desc, array_position($1, t.area_id) desc,"
            + "   d.ordinal desc"
            + " limit 2000";

    /** The level in force for each designated area, computed through its ancestors (areas without one drop out). */
    public static String current(String asOf) {
        return " cross join lateral (" + decisive(asOf) + ") cur";
    }

    /**
     * The designation deciding the level of the area aliased {@code a} at asOf, through its ancestors: one row
     * (level_code, designation_id, notice_id, effective_date) or none. The one definition of "the level in force"
     * for set-based queries; the area-event feed joins it too (levelInForce). asOf is an SQL expression.
     */
    public static String decisive(String asOf) {
        return "select d.level_code, d.id as designation_id,"
            + " n.id as notice_id, n.effective_date from designation_target t"
            + " join designation d on d.id = t.designation_id join notice n on n.id = d.notice_id"
            + " where t.area_id = any(a.ancestor_ids) and not t.excluded and " + inForce(asOf)
            + " and not exists (select 1 from designation_target x where x.designation_id = t.designation_id"
            + "   and x.excluded and x.area_id = any(a.ancestor_ids))"
            + " order by n.effective_date desc, n.year desc, n.number desc, n.id desc,"
            + "   array_position(a.ancestor_ids, t.area_id) desc, d.ordinal desc limit 1";
    }

    private final Pool pool;
    private final PublicReads reads;
    private final AreaRegistry areas;
    private final LevelCatalog levels;
    private final NoticeQueries notices;
    private final MappedRiskLevel mapped;
    private final KnownDistricts districts;
    private final AreaTextParser parser = new AreaTextParser();

    public RiskQueries(Pool pool, PublicReads reads, AreaRegistry areas, LevelCatalog levels, NoticeQueries notices,
                       MappedRiskLevel mapped, KnownDistricts districts) {
        this.pool = pool;
        this.districts = districts;
        this.reads = reads;
        this.mapped = mapped;
        this.areas = areas;
        this.levels = levels;
        this.notices = notices;
    }

    /** riskLevel: a public look-up, read where {@link PublicReads} says. */
    public Uni<RiskAssessment> assess(String address, LocalDate asOf) {
        return reads.run(db -> assess(db, address, asOf));
    }

    private Uni<RiskAssessment> assess(SqlClient db, String address, LocalDate asOf) {
        return districts.current(db).chain(known -> {
            AreaPath path = parser.parseAddress(address, known);
            if (path.district() != null) {
                return Uni.createFrom().item(path);
            }
            // no district recognised: perhaps one published since the names were read (here or on another pod)
            return districts.refreshed(db).map(fresh -> fresh.size() == known.size()
                    ? path : parser.parseAddress(address, fresh));
        }).chain(path -> areas.matchChain(db, path)).chain(chain -> {
            if (chain.isEmpty()) {
                return Uni.createFrom().item(notDesignated(address, asOf, null));
            }
            Long[] ids = chain.stream().map(Area::numericId).toArray(Long[]::new);
            Area matched = chain.get(chain.size() - 1);
            return mapped.at(db, ids, asOf).chain(answer -> {
                if (!answer.usable()) {
                    return fromDesignations(db, address, asOf, chain, ids);
                }
                if (answer.designation() == null) {
                    return Uni.createFrom().item(notDesignated(address, asOf, matched));
                }
                return Uni.createFrom().item(assessment(address, asOf, chain, answer.designation(),
                        answer.targetAreaId(), answer.since(), answer.level(), answer.notice()));
            });
        });
    }

    private static RiskAssessment notDesignated(String address, LocalDate asOf, Area matched) {
        return new RiskAssessment(address, asOf, false, null, null, matched, null, null, null);
    }

    /** The covering designations read one by one: where an exception below the map's areas decides. */
    private Uni<RiskAssessment> fromDesignations(SqlClient db, String address, LocalDate asOf, List<Area> chain,
                                                 Long[] ids) {
        return db.preparedQuery(COVERING).execute(Tuple.of(ids, asOf)).chain(rows -> {
            List<Row> covering = new ArrayList<>();
            rows.forEach(covering::add);
            CoveringHistory.Decided decided = CoveringHistory.at(covering, asOf);
            if (decided == null) {
                return Uni.createFrom().item(notDesignated(address, asOf, chain.get(chain.size() - 1)));
            }
            return assessment(db, address, asOf, chain, NoticeRows.designation(decided.row()),
                    decided.row().getLong("target_area_id"), decided.since());
        });
    }

    private Uni<RiskAssessment> assessment(SqlClient db, String address, LocalDate asOf, List<Area> chain,
                                           Designation designation, long areaId, LocalDate since) {
        return Uni.combine().all().unis(levels.byCode(db), notices.byId(db, designation.noticeId()))
                .asTuple()
                .map(t -> assessment(address, asOf, chain, designation, areaId, since,
                        t.getItem1().get(designation.levelCode()), t.getItem2()));
    }

    private static RiskAssessment assessment(String address, LocalDate asOf, List<Area> chain, Designation designation,
                                             long areaId, LocalDate since, RiskLevel level, Notice notice) {
        Area area = chain.stream().filter(a -> a.numericId() == areaId).findFirst().orElseThrow();
        return new RiskAssessment(address, asOf, true, level, area, chain.get(chain.size() - 1), notice, designation,
                since);
    }

    /** Every designation that set the level of the area (directly or through an enclosing area), oldest first. */
    public Uni<List<LevelChange>> history(Area area, LocalDate today) {
        String sql = "select " + NoticeRows.DESIGNATION_COLUMNS + ", n.effective_date, n.status, n.superseded_on, "
                + AreaRow.COLUMNS
                + " from area me join designation_target t on t.area_id = any(me.ancestor_ids) and not t.excluded"
                + " join designation d on d.id = t.designation_id join notice n on n.id = d.notice_id"
                + " join area a on a.id = t.area_id"
                + " where me.id = $1 and n.status <> 'DRAFT'"
                + " and not exists (select 1 from designation_target x where x.designation_id = t.designation_id"
                + "   and x.excluded and x.area_id = any(me.ancestor_ids))"
                + " order by n.effective_date, n.year, n.number, array_position(me.ancestor_ids, t.area_id)";
        return Uni.combine().all().unis(levels.byCode(), pool.preparedQuery(sql).execute(Tuple.of(area.numericId())))
                .asTuple().map(t -> {
                    List<LevelChange> changes = new ArrayList<>();
                    for (Row row : t.getItem2()) {
                        Designation d = NoticeRows.designation(row);
                        LocalDate supersededOn = row.getLocalDate("superseded_on");
                        boolean inForce = supersededOn == null || supersededOn.isAfter(today);
                        changes.add(new LevelChange(row.getLocalDate("effective_date"), t.getItem1().get(d.levelCode()),
                                AreaRow.map(row), inForce, d.noticeId(), Long.parseLong(d.id())));
                    }
                    return changes;
                });
    }
}
