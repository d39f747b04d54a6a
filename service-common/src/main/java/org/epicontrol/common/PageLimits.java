package org.epicontrol.common;

/** Page sizes a service allows; each service's typed configuration provides them. */
public interface PageLimits {

    int defaultSize();

    int maxSize();
}
