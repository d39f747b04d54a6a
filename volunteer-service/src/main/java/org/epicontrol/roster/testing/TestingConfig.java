package org.epicontrol.roster.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code testing.*}: the door-to-door tasks generated for the households a round missed. */
@ConfigMapping(prefix = "testing")
public interface TestingConfig {

    /** Their description; {round} and {rounds} are replaced by the round's number and the rounds planned. */
    @WithDefault("第{round}轮核酸检测未检到户，上门补检")
    String missedTaskDescription();
}
