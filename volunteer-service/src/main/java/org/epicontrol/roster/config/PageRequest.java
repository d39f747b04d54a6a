package org.epicontrol.roster.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;

/** Validates page sizes the same way for every listing. */
@ApplicationScoped
public class PageRequest {

    private final RosterConfig config;

    public PageRequest(RosterConfig config) {
        this.config = config;
    }

    public int size(Integer first) {
        if (first == null) {
            return config.page().defaultSize();
        }
        if (first < 1 || first > config.page().maxSize()) {
            throw new DomainException("INVALID_PAGE_SIZE",
                    "first must be between 1 and " + config.page().maxSize() + ", was " + first);
        }
        return first;
    }
}
