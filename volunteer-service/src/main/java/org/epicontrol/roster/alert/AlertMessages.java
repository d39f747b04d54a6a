package org.epicontrol.roster.alert;

import org.epicontrol.roster.response.ResponseNotice;

import java.time.Duration;

/** The words of alerts (zh-CN, as the staff read them). */
final class AlertMessages {

    private AlertMessages() {
    }

    static String opened(ResponseNotice response) {
        return "【响应启动】" + place(response) + "：" + why(response) + "，自" + response.effectiveDate()
                + "起启动防控响应，请立即到岗并确认收到。";
    }

    static String closed(ResponseNotice response) {
        return "【响应结束】" + place(response) + "：" + why(response) + "，防控响应结束，相关岗位、班次和任务随之关闭，请确认收到。";
    }

    static String escalation(Alert original, Duration after) {
        return "【逾期未确认】" + audience(original.audience) + "在" + after.toMinutes() + "分钟内未确认以下提醒，请督办："
                + original.message;
    }

    private static String place(ResponseNotice response) {
        return response.areaName() != null ? response.areaName() : "区域" + response.areaId();
    }

    private static String why(ResponseNotice response) {
        if (response.reason() != null && !response.reason().isBlank()) {
            return response.reason();
        }
        String notice = response.noticeNumber() != null ? "第" + response.noticeNumber() + "号通告" : "人工调整";
        return notice + (response.level() != null ? "（" + response.level() + "）" : "");
    }

    private static String audience(Audience audience) {
        return switch (audience) {
            case COMMUNITY_ADMINS -> "社区管理员";
            case GRID_WORKERS -> "网格员";
            case DISTRICT_OFFICERS -> "区防控办";
        };
    }
}
