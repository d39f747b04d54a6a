package org.epicontrol.notice.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.notice.NoticeStatus;

import static org.epicontrol.common.security.StaffRole.DISTRICT_OFFICER;
import static org.epicontrol.common.security.StaffRole.NOTICE_EDITOR;
import static org.epicontrol.common.security.StaffRole.NOTICE_PUBLISHER;
import static org.epicontrol.common.security.StaffRole.SYSTEM_ADMIN;

/**
 * Who may do what in notice-service: the only place that decides it. Resolvers ask here before they read or change
 * anything, so a refusal changes nothing.
 *
 * <p>Keycloak Authorization Services was considered: GraphQL is one POST endpoint, so its path-based policy enforcer
 * cannot see which operation a request runs. The decision therefore lives here, per operation.
 *
 * <table>
 *   <caption>Operation → who may</caption>
 *   <tr><th>Operation</th><th>Allowed</th><th>Why</th></tr>
 *   <tr><td>notice, notices, Notice (_entities)</td><td>anyone; drafts only notice-editor, notice-publisher,
 *       system-admin</td><td>published notices are public; to others a draft does not exist (null / not listed)</td></tr>
 *   <tr><td>notices(status: DRAFT)</td><td>notice-editor, notice-publisher, system-admin</td>
 *       <td>asking for drafts explicitly is refused rather than answered empty</td></tr>
 *   <tr><td>riskLevel, riskAreas, riskCounts, riskTrend, riskLevels, levelHistory</td>
 *       <td>anyone</td><td>the public risk map; these read notices in force only, never drafts</td></tr>
 *   <tr><td>area, searchAreas, Area (_entities), parent, children, a designation's areas</td><td>anyone; an area
 *       only drafts name only notice-editor, notice-publisher, system-admin</td><td>to others such an area does not
 *       exist (null / not listed), as its draft does not; a shared area shows without the draft's designations</td></tr>
 *   <tr><td>noticePublished (subscription)</td><td>anyone</td><td>announces published notices only</td></tr>
 *   <tr><td>areaEvents, AreaEvent (its area, Area.pathIds)</td><td>anyone</td><td>written only when a notice is
 *       published, so every event and its area are public; pathIds are the ids of the area's ancestors, public with
 *       it (an area is public with all its enclosing areas)</td></tr>
 *   <tr><td>dueForDowngrade</td><td>notice-editor, notice-publisher, district-officer, system-admin</td>
 *       <td>staff work list that leads to the next notice; reveals case data</td></tr>
 *   <tr><td>reportCases</td><td>notice-editor, system-admin</td><td>case data drives downgrades, the notice office
 *       enters it</td></tr>
 *   <tr><td>createNotice (draft, also a correction or cancellation), importNotice (draft, or replaces the draft
 *       of the same notice)</td><td>notice-editor, system-admin</td><td>editors draft; an imported text may be
 *       misread, so it is a draft until another person publishes it</td></tr>
 *   <tr><td>publishNotice</td><td>notice-publisher, system-admin; never the drafter (FOUR_EYES)</td>
 *       <td>four eyes, even for a user holding both roles or system-admin</td></tr>
 *   <tr><td>Notice.draftedBy, Notice.publishedBy</td><td>notice-editor, notice-publisher, system-admin, on
 *       every path (root, nested, _entities); others null with the refusal at the field</td><td>the names are for
 *       the four eyes of the notice office; residents need the notice, not who handled it</td></tr>
 *   <tr><td>noticeAuditTrail</td><td>system-admin</td><td>the trail names users</td></tr>
 * </table>
 */
@ApplicationScoped
public class NoticeAccess {

    private static final StaffRole[] DRAFT_READERS = {NOTICE_EDITOR, NOTICE_PUBLISHER, SYSTEM_ADMIN};

    private final SecurityIdentity identity;

    public NoticeAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller of the current request, anonymous without a token. */
    public Caller caller() {
        return Caller.of(identity);
    }

    public Caller mayCreateNotice() {
        return caller().require("createNotice", NOTICE_EDITOR, SYSTEM_ADMIN);
    }

    public Caller mayImportNotice() {
        return caller().require("importNotice", NOTICE_EDITOR, SYSTEM_ADMIN);
    }

    /** The role part of publishing; {@link #checkFourEyes} decides the rest once the draft is read. */
    public Caller mayPublishNotice() {
        return caller().require("publishNotice", NOTICE_PUBLISHER, SYSTEM_ADMIN);
    }

    /**
     * Refuses the drafter of a notice as its publisher, whatever roles they hold. Compared by subject: usernames can
     * be renamed. A draft without a recorded author (written before authorship was kept) has no one to compare with.
     */
    public void checkFourEyes(Caller publisher, long noticeId, String draftedBySubject) {
        if (draftedBySubject != null && draftedBySubject.equals(publisher.subject())) {
            throw new DomainException("FOUR_EYES", "publishNotice: notice " + noticeId
                    + " was drafted by " + publisher.username() + "; another publisher must publish it");
        }
    }

    public NoticeVisibility visibility() {
        return new NoticeVisibility(visibilityCaller().hasAny(DRAFT_READERS));
    }

    /**
     * The caller for what is visible. A subscription's event (noticePublished) is resolved on an event loop outside
     * its subscriber's request, where the identity cannot be awaited: it sees what everybody sees, which is all of
     * a published notice (least privilege; the events are published notices only).
     */
    private Caller visibilityCaller() {
        try {
            return caller();
        } catch (IllegalStateException | jakarta.enterprise.context.ContextNotActiveException offRequest) {
            return Caller.ANONYMOUS;
        }
    }

    /** Listing drafts explicitly needs a role; any other listing is filtered by {@link #visibility()}. */
    public void mayListNotices(NoticeStatus status) {
        if (status == NoticeStatus.DRAFT) {
            caller().require("notices(status: DRAFT)", DRAFT_READERS);
        }
    }

    /** Who drafted and who published a notice: {@code field} is the field refused, at the notice it belongs to. */
    public Caller mayReadAuthors(String field) {
        return caller().require(field, DRAFT_READERS);
    }

    public Caller mayReadDowngrades() {
        return caller().require("dueForDowngrade", NOTICE_EDITOR, NOTICE_PUBLISHER, DISTRICT_OFFICER, SYSTEM_ADMIN);
    }

    public Caller mayReportCases() {
        return caller().require("reportCases", NOTICE_EDITOR, SYSTEM_ADMIN);
    }

    public Caller mayReadAuditTrail() {
        return caller().require("noticeAuditTrail", SYSTEM_ADMIN);
    }
}
