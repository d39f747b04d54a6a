package org.epicontrol.notice.common;

import jakarta.enterprise.inject.Produces;
import org.epicontrol.common.PageLimits;

/** Hands this service's configured page sizes to the shared paging rules. */
public class PageLimitsProducer {

    @Produces
    PageLimits pageLimits(NoticeConfig config) {
        return config.page();
    }
}
