package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the maintained risk map (tables risk_area_level and risk_count, migration V9) in step with a publication, in
 * the publication's own transaction: the database function risk_map_publish refreshes, from the notice's effective
 * date on, every area of the map inside an area the notice or the one it corrects or cancels names, and moves the
 * district counts by the difference. The publication holds the feed's advisory lock from its first statement, so
 * publications apply one after the other, each on top of every earlier one.
 */
@ApplicationScoped
public class RiskMapMaintenance {

    private static final String PUBLISH = "select count(*) from risk_map_publish(?1)";

    /** Call after the publication's status changes are flushed, in its session and under its advisory lock. */
    public Uni<Void> published(Mutiny.Session session, long noticeId) {
        return session.createNativeQuery(PUBLISH).setParameter(1, noticeId).getSingleResult().replaceWithVoid();
    }
}
