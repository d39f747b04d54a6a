package org.epicontrol.notice.audit;

import java.time.OffsetDateTime;

/** What noticeAuditTrail narrows to; every part optional. */
public record AuditFilter(String targetType, String targetId, String actor, OffsetDateTime from, OffsetDateTime to) {
}
