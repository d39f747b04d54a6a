package org.epicontrol.roster.mobilisation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code mobilisation.*}: the grant job, and limits of call-outs. */
@ConfigMapping(prefix = "mobilisation")
public interface MobilisationConfig {

    /** How often each replica grants the roles of approvals Keycloak has not confirmed yet. */
    @WithDefault("PT1M")
    Duration grantRetryEvery();

    /** At most this many pending grants per run; the next run takes the rest. */
    @WithDefault("50")
    int grantBatch();

    /** At most this many volunteers invited by one call-out. */
    @WithDefault("2000")
    int maxPool();
}
