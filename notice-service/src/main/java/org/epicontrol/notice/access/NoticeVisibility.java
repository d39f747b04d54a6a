package org.epicontrol.notice.access;

import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeStatus;

import java.util.List;

/**
 * Which notices and areas one caller may see, decided once per request by {@link NoticeAccess#visibility()} so that
 * the filtering in reactive callbacks no longer needs the request's identity. To a caller who may not see drafts, a
 * draft does not exist, and neither does an area that only drafts name ({@link Area#published()}).
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

    /** The area, or null when only drafts name it and the caller may not see drafts. */
    public Area filter(Area area) {
        return area != null && !area.published() && !seesDrafts ? null : area;
    }

    /** Same positions, hidden areas replaced by null (entity batches, parents). */
    public List<Area> filterAreas(List<Area> areas) {
        return seesDrafts ? areas : areas.stream().map(this::filter).toList();
    }

    /** Hidden areas left out (children, search results, a designation's areas). */
    public List<Area> visibleAreas(List<Area> areas) {
        return seesDrafts ? areas : areas.stream().filter(Area::published).toList();
    }

    /** {@link #visibleAreas} for each list of a batch. */
    public List<List<Area>> visibleAreasOfEach(List<List<Area>> batch) {
        return seesDrafts ? batch : batch.stream().map(this::visibleAreas).toList();
    }
}
