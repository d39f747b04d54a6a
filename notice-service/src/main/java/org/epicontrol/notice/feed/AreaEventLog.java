package org.epicontrol.notice.feed;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends to the change feed (table area_event) inside a publication's own Hibernate Reactive transaction, so the
 * events commit or roll back with the change they describe (a transactional outbox).
 *
 * <p>Order: a reader pages with "sequence &gt; the last one I saw". Identity values are drawn when a row is
 * inserted, not when it commits, so two concurrent publications could commit 8 before 7: a reader reading in
 * between would see 8, move on, and never see 7. Every publication therefore takes {@link #LOCK} as its first
 * statement and holds it to its commit: sequences are drawn, and become visible, one publication after the other,
 * and a reader that has seen N never later finds a committed event below N. Taken first (not just before the insert)
 * so that levelInForce is computed seeing every earlier publication, and so that no publication waits for it while
 * holding a notice's row lock another publication needs. Publications are rare (a few a day); the wait is nothing.
 */
@ApplicationScoped
public class AreaEventLog {

    /**
     * The transaction-level advisory lock key of the feed's writers (pg_advisory_xact_lock); the only advisory lock
     * notice-service's database uses. The bytes spell "areaEvnt".
     */
    public static final long LOCK = 0x617265614576_6e74L;

    private static final String SERIALISE = "select count(*) from pg_advisory_xact_lock(?1)";

    /**
     * ?1 the notice just published (status already changed in this transaction), ?2 the kind. One event per area
     * the notice designates (the level of its last item naming the area), and for a correction or cancellation one
     * per area the notice it refers to designated that this one does not name (level null: the designation ends).
     * Ordered by the notice's items, so one publication's events follow its list.
     */
    private static final String APPEND = "with p as (select id, effective_date, references_id from notice where id = ?1),"
            + " named as (select distinct on (t.area_id) t.area_id, d.level_code, d.ordinal"
            + "   from p join designation d on d.notice_id = p.id"
            + "   join designation_target t on t.designation_id = d.id and not t.excluded"
            + "   order by t.area_id, d.ordinal desc),"
            + " ended as (select distinct t.area_id from p join designation d on d.notice_id = p.references_id"
            + "   join designation_target t on t.designation_id = d.id and not t.excluded"
            + "   where t.area_id not in (select area_id from named)),"
            + " changed as (select area_id, level_code, ordinal from named"
            + "   union all select area_id, null, null from ended)"
            + " insert into area_event (kind, area_id, notice_id, level, level_in_force, effective_date)"
            + " select ?2, a.id, p.id, c.level_code, cur.level_code, p.effective_date"
            + " from changed c cross join p join area a on a.id = c.area_id"
            // the level in force after the change, read from the maintained risk map (RiskMapMaintenance runs
            // first): every area here is on it (named by this notice or by the one it ends, neither a draft), and
            // its period holding the date is RiskQueries.decisive's answer, without reading every designation
            // covering the area (70-200 ms of PostgreSQL CPU for a 75-area notice on 1,000,000 designations)
            + " left join risk_area_level cur on cur.area_id = a.id and cur.valid_from <= p.effective_date"
            + "   and (cur.valid_to is null or cur.valid_to > p.effective_date)"
            + " order by c.ordinal nulls last, a.id";

    /** First statement of every publication: waits for the publication before it to commit. */
    public Uni<Void> serialise(Mutiny.Session session) {
        return session.createNativeQuery(SERIALISE).setParameter(1, LOCK).getSingleResult().replaceWithVoid();
    }

    /**
     * Writes the events of a publication whose status changes were made (and flushed) in this session; answers how
     * many. Call after {@link #serialise}.
     */
    public Uni<Integer> append(Mutiny.Session session, long noticeId, AreaEventKind kind) {
        return session.createNativeQuery(APPEND)
                .setParameter(1, noticeId)
                .setParameter(2, kind.name())
                .executeUpdate();
    }
}
