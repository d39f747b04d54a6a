package org.epicontrol.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeakFinderTest {

    private static final List<String> XIJIA = List.of("小店区", "平阳路街道", "西贾社区");
    private static final List<String> NANNEIHUAN = List.of("小店区", "平阳路街道", "南内环社区");
    private static final AccessPolicy POLICY = AccessPolicy.parse("""
            Query\tpublic\tarea auditTrail
            Query.auditTrail\troles:community-admin
            Area\tdrafts:notice-editor\tid name dutyPosts onDutyNow
            DutyPost\tsigned-in\tid name shifts
            Shift\tscoped:community-admin,volunteer\tid assignments
            Assignment\tscoped:community-admin,volunteer\tid volunteer
            Volunteer\tscoped:community-admin,self\tid name
            Volunteer.phone\tscoped:community-admin
            OnDuty\tscoped:community-admin\tfrom post
            Answer\tscoped:community-admin,self\taccepted volunteer
            DutyPost.myAnswer\town
            Duty\tscoped:grid-worker\trole volunteer
            AuditEvent\tscoped:community-admin\taction targetType targetId
            """);
    private static final OwnershipIndex INDEX = OwnershipIndex.of(Map.of(
            "DutyPost:1", Owner.unit(XIJIA), "Shift:10", Owner.unit(XIJIA), "Assignment:100", Owner.unit(XIJIA),
            "Volunteer:7", Owner.volunteer(XIJIA, "7"), "DutyPost:2", Owner.unit(NANNEIHUAN),
            "Area:99", Owner.DRAFT));
    private static final Caller ADMIN_NANNEIHUAN = new Caller("admin-nanneihuan", Set.of("community-admin"),
            List.of(NANNEIHUAN), null);
    private static final Caller ADMIN_XIJIA = new Caller("admin-xijia", Set.of("community-admin"), List.of(XIJIA), null);
    private static final QueryGenerator.Probe AREA = new QueryGenerator.Probe("Query.area", "", List.of(), Map.of(),
            Map.of("s0", "area"), Map.of("s0", "西贾社区"));

    @Test
    void anotherCommunitysRosterBelowAPublicAreaIsALeakReportedAtTheFirstForbiddenObject() {
        List<Leak> leaks = find(area("1", "书林苑北门卡口", object("Volunteer", "7", "name", "马超", "phone", "138")), ADMIN_NANNEIHUAN);
        assertEquals(List.of("admin-nanneihuan reads Shift of 西贾社区 with Assignment, Volunteer at area(西贾社区).dutyPosts[].shifts[]"
                + " (rule scoped:community-admin,volunteer, Query.area)"), leaks.stream().map(Leak::toString).toList());
    }

    @Test
    void theOwnCommunitysAdminReadsItAll() {
        assertEquals(List.of(), find(area("1", "书林苑北门卡口", object("Volunteer", "7", "name", "马超", "phone", "138")), ADMIN_XIJIA));
    }

    @Test
    void aFieldMoreRestrictedThanItsTypeIsALeakOfItsOwn() {
        Caller wang = new Caller("volunteer-wang", Set.of("volunteer"), List.of(XIJIA), "7");
        List<Leak> leaks = find(area("1", "书林苑北门卡口", object("Volunteer", "7", "name", "马超", "phone", "138")), wang);
        assertEquals(List.of("Volunteer.phone"), leaks.stream().map(Leak::subject).toList());
    }

    @Test
    void anObjectWithoutIdTakesTheOwnerOfWhatItHolds() {
        Map<String, Object> onDuty = object("OnDuty", null, "from", "2022-12-01T08:00", "post", object("DutyPost", "1", "name", "卡口"));
        Map<String, Object> area = object("Area", "5", "name", "书林苑", "onDutyNow", List.of(onDuty));
        assertEquals(List.of("OnDuty of 西贾社区"), find(area, ADMIN_NANNEIHUAN).stream()
                .map(leak -> leak.subject() + " of " + leak.owner()).toList());
    }

    @Test
    void anObjectWithoutIdAboutAVolunteerIsThatVolunteersNotItsHolders() {
        Map<String, Object> answer = object("Answer", null, "accepted", true, "volunteer", object("Volunteer", "7", "name", "马超"));
        Map<String, Object> post = object("DutyPost", "1", "name", "卡口", "answer", answer);
        Caller himself = new Caller("volunteer-wang", Set.of("volunteer"), List.of(XIJIA), "7");
        Caller another = new Caller("volunteer-li", Set.of("volunteer"), List.of(XIJIA), "8");
        assertEquals(List.of(), find(object("Area", "5", "name", "书林苑", "dutyPosts", List.of(post)), himself));
        assertEquals(List.of("Answer of 西贾社区"), find(object("Area", "5", "name", "书林苑", "dutyPosts", List.of(post)),
                another).stream().map(leak -> leak.subject() + " of " + leak.owner()).toList());
    }

    @Test
    void anObjectAboutAVolunteerStillBelongsToItsPlace() {
        // a grid's responsibility names its volunteer, whose unit is the community: the grid's worker reads it there
        List<String> grid = List.of("小店区", "平阳路街道", "西贾社区", "第一网格");
        OwnershipIndex index = OwnershipIndex.of(Map.of("Volunteer:7", Owner.volunteer(XIJIA, "7"), "DutyPost:3", Owner.unit(grid)));
        Map<String, Object> duty = object("Duty", null, "role", "GRID_WORKER", "volunteer", object("Volunteer", "7", "name", "马超"));
        Map<String, Object> post = object("DutyPost", "3", "name", "网格岗", "duties", List.of(duty));
        Caller gridWorker = new Caller("grid-xijia-1", Set.of("grid-worker"), List.of(grid), null);
        assertEquals(List.of("Volunteer"), new LeakFinder(POLICY, index, "Query").find(AREA, Map.of("s0",
                object("Area", "5", "name", "书林苑", "dutyPosts", List.of(post))), gridWorker).stream()
                .map(Leak::subject).toList(), "the responsibility is his to read; the volunteer's name is not");
    }

    @Test
    void belowAFieldAnsweringTheCallersOwnObjectItIsTheirs() {
        Map<String, Object> post = object("DutyPost", "1", "name", "卡口", "myAnswer", object("Answer", null, "accepted", true));
        Map<String, Object> area = object("Area", "5", "name", "书林苑", "dutyPosts", List.of(post));
        assertEquals(List.of(), find(area, new Caller("volunteer-li", Set.of("volunteer"), List.of(XIJIA), "8")));
        assertEquals(List.of("DutyPost.myAnswer"), find(area, ADMIN_NANNEIHUAN).stream().map(Leak::subject).toList(),
                "a caller without a volunteer has no answer of their own");
    }

    @Test
    void anAuditEventBelongsToItsTargetAndAnUnknownOwnerIsALeak() {
        QueryGenerator.Probe trail = new QueryGenerator.Probe("Query.auditTrail", "", List.of(), Map.of(),
                Map.of("s0", "auditTrail"), Map.of("s0", "defaults"));
        Map<String, Object> data = Map.of("s0", List.of(
                object("AuditEvent", null, "action", "CREATE_SHIFT", "targetType", "Shift", "targetId", "10"),
                object("AuditEvent", null, "action", "IMPORT", "targetType", "Organisation", "targetId", "1")));
        assertEquals(List.of("AuditEvent of 西贾社区", "AuditEvent of unknown owner"),
                new LeakFinder(POLICY, INDEX, "Query").find(trail, data, ADMIN_NANNEIHUAN).stream()
                        .map(leak -> leak.subject() + " of " + leak.owner()).toList());
        assertEquals(List.of("Query.auditTrail"), new LeakFinder(POLICY, INDEX, "Query")
                .find(trail, data, new Caller("editor", Set.of("notice-editor"), List.of(), null)).stream()
                .map(Leak::subject).toList());
    }

    @Test
    void aDraftsAreaIsALeakToAnonymousButAStubWithItsIdAloneIsNot() {
        assertEquals(List.of("Area"), find(object("Area", "99", "name", "草稿测试家园"), Caller.ANONYMOUS).stream()
                .map(Leak::subject).toList());
        Map<String, Object> stub = object("Area", "99", "dutyPosts", List.of(), "onDutyNow", null);
        assertEquals(List.of(), find(stub, Caller.ANONYMOUS));
        // the path a subgraph's stub gives an area known by its key alone: the area itself, the id the caller sent
        assertEquals(List.of(), find(object("Area", "99", "pathIds", List.of("99")), Caller.ANONYMOUS));
        assertEquals(List.of("Area"), find(object("Area", "99", "pathIds", List.of("1", "99")), Caller.ANONYMOUS).stream()
                .map(Leak::subject).toList(), "an ancestry is data");
    }

    private static List<Leak> find(Map<String, Object> area, Caller caller) {
        return new LeakFinder(POLICY, INDEX, "Query").find(AREA, Map.of("s0", area), caller);
    }

    /** Area 5 → post → shift 10 → assignment 100 → {@code volunteer}. */
    private static Map<String, Object> area(String post, String postName, Map<String, Object> volunteer) {
        Map<String, Object> assignment = object("Assignment", "100", "volunteer", volunteer);
        Map<String, Object> shift = object("Shift", "10", "assignments", List.of(assignment));
        return object("Area", "5", "name", "书林苑", "dutyPosts",
                List.of(object("DutyPost", post, "name", postName, "shifts", List.of(shift))));
    }

    private static Map<String, Object> object(String type, String id, Object... fields) {
        Map<String, Object> object = new HashMap<>();
        object.put("__typename", type);
        if (id != null) {
            object.put("id", id);
        }
        for (int i = 0; i < fields.length; i += 2) {
            object.put((String) fields[i], fields[i + 1]);
        }
        return object;
    }
}
