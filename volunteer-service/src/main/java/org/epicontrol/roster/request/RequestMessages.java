package org.epicontrol.roster.request;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words of request escalations (zh-CN, as the staff read them). */
final class RequestMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private RequestMessages() {
    }

    /** Level 1, to the community's admins: past its due time, or urgent and nobody assigned. */
    static String levelOne(Escalated request, Duration urgentUnassignedAfter, ZoneId zone) {
        String why = request.overdue()
                ? "已超过办理时限（" + TIME.format(request.dueAt().atZoneSameInstant(zone)) + "）仍未办结"
                : urgency(request.urgency()) + "诉求受理" + urgentUnassignedAfter.toMinutes() + "分钟后仍未派单";
        return "【诉求督办】" + what(request) + why + "，请立即处理。";
    }

    /** Level 2, to the district's officers: still open after level 1. */
    static String levelTwo(Escalated request, Duration after) {
        return "【诉求升级】" + what(request) + "经社区督办" + after.toMinutes() + "分钟后仍未办结，请区防控办督办。";
    }

    private static String what(Escalated request) {
        // the alert's message is bounded (1,000 characters); the request itself is one click away
        String description = request.description().codePointCount(0, request.description().length()) > 200
                ? request.description().substring(0, request.description().offsetByCodePoints(0, 200)) + "…"
                : request.description();
        return urgency(request.urgency()) + kind(request.kind()) + "诉求（编号" + request.id() + "）：" + description
                + "。";
    }

    private static String urgency(RequestUrgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "紧急";
            case URGENT -> "加急";
            case ROUTINE -> "";
        };
    }

    private static String kind(RequestKind kind) {
        return switch (kind) {
            case MEDICINE -> "购药";
            case SUPPLIES -> "生活物资";
            case TRANSPORT -> "就医出行";
            case MEDICAL_EMERGENCY -> "急症就医";
            case OTHER -> "其他";
        };
    }

    /** A request claimed for escalation, as the message needs it. */
    record Escalated(long id, long communityId, long districtId, RequestKind kind, RequestUrgency urgency,
                     String description, OffsetDateTime dueAt, boolean overdue) {
    }
}
