package org.epicontrol.roster.config;

import io.smallrye.config.ConfigMapping;
import org.epicontrol.common.PageLimits;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.ZoneId;

@ConfigMapping(prefix = "roster")
public interface RosterConfig {

    /** Default limit of hours on duty in any 24 h window; a community may set its own. */
    @WithName("max-hours-per-24h")
    @WithDefault("12")
    int maxHoursPer24h();

    /** Default minimum rest between two shifts of one person; a community may set its own. */
    @WithDefault("8")
    int minRestHours();

    /** The city's time zone, for day boundaries of rotations and reports. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Page page();

    Import importing();

    interface Page extends PageLimits {
        @Override
        @WithDefault("50")
        int defaultSize();

        @Override
        @WithDefault("500")
        int maxSize();
    }

    interface Import {
        @WithDefault("200000")
        int maxRows();
    }
}
