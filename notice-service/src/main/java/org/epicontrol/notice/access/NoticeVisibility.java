package org.epicontrol.notice.access;

import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeStatus;

import java.util.List;

/**
 * Which notices one caller may see, decided once per request by {@link NoticeAccess#visibility()} so that the
 * filtering in reactive callbacks no longer needs the request's identity.
 */
public record NoticeVisibility(boolean seesDrafts) {

    /** The notice, or null when it is a draft the caller may not see: drafts are invisible, not forbidden. */
    public Notice filter(Notice notice) {
        return notice != null && notice.status() == NoticeStatus.DRAFT && !seesDrafts ? null : notice;
    }

    /** Same positions, hidden drafts replaced by null (federation batches answer in request order). */
    public List<Notice> filterAll(List<Notice> notices) {
        return seesDrafts ? notices : notices.stream().map(this::filter).toList();
    }
}
