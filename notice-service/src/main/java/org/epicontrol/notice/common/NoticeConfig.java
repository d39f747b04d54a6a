package org.epicontrol.notice.common;

import io.smallrye.config.ConfigMapping;
import org.epicontrol.common.PageLimits;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

        /**
         * Time a text may take to read (parse and areas), on a worker thread; over it the import ends in
         * NOTICE_PARSE_TIMEOUT. A real notice takes milliseconds.
         */
        @WithDefault("3s")
        Duration parseBudget();
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
