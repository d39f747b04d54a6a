package org.epicontrol.roster.response;

import java.time.LocalDate;

/**
 * What {@link ResponseListener}s are told when a response opens, changes or closes: enough to address and word an
 * alert without reading the response again.
 *
 * @param gridId      the grid answering for the area (null when the linked unit is above grid level)
 * @param level       the level code in force that opened the response (HIGH, SEALED ...)
 * @param noticeId    the notice whose change caused this (null for a change made by hand)
 * @param reason      why, in words for people (e.g. "第195号通告：调整为低风险区")
 */
public record ResponseNotice(
        long responseId,
        long communityId,
        Long gridId,
        String district,
        String areaId,
        String areaName,
        String level,
        String noticeId,
        Integer noticeNumber,
        LocalDate effectiveDate,
        String reason) {
}
