package org.epicontrol.common;

import jakarta.enterprise.context.ApplicationScoped;

/** Validates page sizes the same way for every listing of a service. */
@ApplicationScoped
public class PageRequest {

    private final PageLimits limits;

    public PageRequest(PageLimits limits) {
        this.limits = limits;
    }

    public int size(Integer first) {
        if (first == null) {
            return limits.defaultSize();
        }
        if (first < 1 || first > limits.maxSize()) {
            throw new DomainException("INVALID_PAGE_SIZE",
                    "first must be between 1 and " + limits.maxSize() + ", was " + first);
        }
        return first;
    }
}
