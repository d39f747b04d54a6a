package org.epicontrol.notice.common;

import io.smallrye.config.ConfigMapping;
import org.epicontrol.common.PageLimits;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "notices")
public interface NoticeConfig {

    Import importing();

    /** The city's time zone: "today" and "in the future" are judged there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Page page();

    /** The area-event feed (areaEvents). */
    Feed feed();

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

    /** Pages of areaEvents: first 1..max-page; the default is the schema's (100), this one only completes the pair. */
    interface Feed extends PageLimits {
        @Override
        @WithDefault("100")
        int defaultSize();

        /** notices.feed.max-page: a consumer catching up reads this many events per request. */
        @Override
        @WithName("max-page")
        @WithDefault("500")
        int maxSize();
    }
}
