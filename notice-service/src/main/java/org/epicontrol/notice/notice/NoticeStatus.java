package org.epicontrol.notice.notice;

public enum NoticeStatus {
    DRAFT, PUBLISHED, SUPERSEDED, CANCELLED
}
