package org.epicontrol.roster.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Set;

/**
 * {@code alerts.*}: when an unacknowledged alert escalates to the district's officers, and how often that is checked.
 */
@ConfigMapping(prefix = "alerts")
public interface AlertsConfig {

    /** How long an alert may stay unacknowledged before it escalates (per environment). */
    @WithDefault("PT30M")
    Duration escalateAfter();

    /** How often each replica looks for alerts due to escalate; rows are claimed under lock, so replicas share it. */
    @WithDefault("PT1M")
    Duration escalationCheckEvery();

    /** Kinds that call for action and so escalate; a closing alert only informs. */
    @WithDefault("RESPONSE_OPENED")
    Set<AlertKind> escalatedKinds();

    /** At most this many alerts escalate in one transaction; the next check takes the rest. */
    @WithDefault("100")
    int escalationBatch();
}
