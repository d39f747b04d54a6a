package org.epicontrol.roster.alert;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Fans alerts out to the live subscribers of this instance, after the transaction that stored them committed. Each
 * subscriber's stream is filtered to its own audiences ({@link AlertGraphQLApi#alertRaised}).
 */
@ApplicationScoped
public class AlertBroadcast {

    private final BroadcastProcessor<Alert> raised = BroadcastProcessor.create();

    void announce(List<Alert> alerts) {
        alerts.forEach(raised::onNext);
    }

    Multi<Alert> raised() {
        return raised;
    }
}
