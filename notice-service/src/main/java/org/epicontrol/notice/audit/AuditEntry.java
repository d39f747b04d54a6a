package org.epicontrol.notice.audit;

import io.vertx.core.json.JsonObject;
import org.epicontrol.common.security.Caller;

/** One event about to be written, in the transaction of the change it records. */
public record AuditEntry(Caller actor, AuditAction action, String targetType, String targetId, JsonObject details) {

    /** Target types, as noticeAuditTrail(targetType:) filters them: the GraphQL type names. */
    public static final String NOTICE = "Notice";
    public static final String AREA = "Area";

    public static AuditEntry of(Caller actor, AuditAction action, String targetType, Object targetId,
                                JsonObject details) {
        return new AuditEntry(actor, action, targetType, String.valueOf(targetId),
                details == null ? new JsonObject() : details);
    }
}
