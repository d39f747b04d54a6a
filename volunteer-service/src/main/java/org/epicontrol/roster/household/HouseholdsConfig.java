package org.epicontrol.roster.household;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code households.*}: the limits of one import file. */
@ConfigMapping(prefix = "households")
public interface HouseholdsConfig {

    @WithName("import")
    Import importing();

    interface Import {
        /** Data rows one file may hold (a community has a few thousand households). */
        @WithDefault("5000")
        int maxRows();

        /** Bytes (UTF-8) one file may hold, checked before any row is read. */
        @WithDefault("2000000")
        long maxBytes();
    }
}
