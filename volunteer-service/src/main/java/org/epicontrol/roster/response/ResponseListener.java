package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;

/**
 * Told of each response that opens or closes (CDI beans; the alerts are one). Called after the response's own
 * transaction has committed; a listener must be idempotent per (responseId, change), since a retried area event
 * may tell it again.
 */
public interface ResponseListener {

    Uni<Void> opened(ResponseNotice response);

    Uni<Void> closed(ResponseNotice response);
}
