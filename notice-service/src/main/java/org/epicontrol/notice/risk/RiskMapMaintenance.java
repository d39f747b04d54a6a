package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the maintained risk map (tables risk_area_level and risk_count, migrations V9 and V11) in step with a
 * publication, in the publication's own transaction: the database function risk_map_publish lays the notice's
 * designations over the stored periods of the areas of the map inside the areas it names, from its effective date on,
 * recomputes from the designations only the areas whose periods the corrected or cancelled notice decided from that
 * date on (and the areas the notice brings onto the map), and moves the district counts by the difference. The
 * publication holds the feed's advisory lock from its first statement, so publications apply one after the other,
 * each on top of every earlier one.
 */
@ApplicationScoped
public class RiskMapMaintenance {

    private static final String PUBLISH = "select count(*) from risk_map_publish(?1)";

    private final KnownDistricts districts;

    public RiskMapMaintenance(KnownDistricts districts) {
        this.districts = districts;
    }

    /** Call after the publication's status changes are flushed, in its session and under its advisory lock. */
    public Uni<Void> published(Mutiny.Session session, long noticeId) {
        return session.createNativeQuery(PUBLISH).setParameter(1, noticeId).getSingleResult().replaceWithVoid();
    }

    /** Call once the publication committed: it may have made districts public (riskLevel's {@link KnownDistricts}). */
    public void committed() {
        districts.forget();
    }
}
