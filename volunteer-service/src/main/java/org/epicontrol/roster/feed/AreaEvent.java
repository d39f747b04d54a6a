package org.epicontrol.roster.feed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of a published designation, as notice-service's area-event feed ({@code areaEvents}) gives it, in
 * sequence order. The consumer hands each to every {@link AreaEventHandler}.
 *
 * @param sequence     the feed position: strictly increasing, in commit order
 * @param kind         what changed the area: a notice published, a correction, a cancellation
 * @param areaId       notice-service's Area id
 * @param areaPath     ids of the area's ancestors and the area itself, root first (the area last)
 * @param level        the level code this notice gives the area (HIGH, LOW, SEALED ...); null when the change
 *                     removes the designation (a cancellation)
 * @param levelInForce the area's own level code in force at {@code effectiveDate} once the change is applied, as
 *                     notice-service's risk look-up answers it; null when no designation names it any more
 * @param occurredAt   when notice-service committed the change (the lag is measured from it)
 */
public record AreaEvent(
        long sequence,
        AreaEventKind kind,
        String areaId,
        List<String> areaPath,
        String district,
        String fullName,
        String level,
        String levelInForce,
        LocalDate effectiveDate,
        String noticeId,
        int noticeNumber,
        OffsetDateTime occurredAt) {

    public AreaEvent {
        areaPath = List.copyOf(areaPath);
    }
}
