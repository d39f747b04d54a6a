package org.epicontrol.roster.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * The consumer's state at {@code /q/health/well} (and {@code /q/health}), always UP: notice-service being down
 * must neither make this service unready nor restart it, so the state is a detail for people and dashboards
 * (alerts use the metrics: {@code notice_feed_retries}, {@code notice_feed_lag_seconds}).
 */
@Wellness
@ApplicationScoped
public class NoticeFeedHealthCheck implements HealthCheck {

    private final NoticeFeedConsumer consumer;

    public NoticeFeedHealthCheck(NoticeFeedConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("notice-feed").up();
        consumer.state().ifPresentOrElse(state -> {
            b.withData("role", state.role()).withData("position", state.position())
                    .withData("failuresInARow", state.failuresInARow());
            if (state.failing() != null) {
                b.withData("failing", state.failing());
            }
            if (state.lastError() != null) {
                b.withData("lastError", state.lastError());
            }
        }, () -> b.withData("role", "off"));
        return b.build();
    }
}
