package org.epicontrol.roster.config;

import jakarta.enterprise.inject.Produces;
import org.epicontrol.common.PageLimits;

/** Hands this service's configured page sizes to the shared paging rules. */
public class PageLimitsProducer {

    @Produces
    PageLimits pageLimits(RosterConfig config) {
        return config.page();
    }
}
