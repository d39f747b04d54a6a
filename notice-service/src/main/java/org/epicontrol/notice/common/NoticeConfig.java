package org.epicontrol.notice.common;

import io.smallrye.config.ConfigMapping;
import org.epicontrol.common.PageLimits;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "notices")
public interface NoticeConfig {

    Import importing();

    /** The city's time zone: "today" and "in the future" are judged there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Page page();

    interface Import {
        /** Longer texts are refused before parsing; the longest real notice is a few kB. */
        @WithDefault("200000")
        int maxTextLength();
    }

    interface Page extends PageLimits {
        @Override
        @WithDefault("50")
        int defaultSize();

        @Override
        @WithDefault("500")
        int maxSize();
    }
}
