package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 end to end, through the gateway with the real Keycloak, the services as production processes and
 * volunteer-service reading notice-service's area-event feed: a published notice turns into community work, a later
 * one ends it; the area fields follow the area tree; and the feed loses nothing and doubles nothing when either side
 * stops mid-stream. The areas are in 锦绣苑小区 ({@link LinkedCompound}), which no demo notice makes high-risk.
 */
@ExtendWith(SuiteExtension.class)
class FieldResponseTest {

    /** Bounds, not measurements: from a publication to its response is well under a second on a quiet machine. */
    private static final Duration HANDLED = Duration.ofSeconds(30);
    /** After the feed was unreachable the consumer retries with a backoff of up to 30 s (notice-feed.backoff.max). */
    private static final Duration HANDLED_AFTER_OUTAGE = Duration.ofSeconds(75);

    private static LinkedCompound compound;

    private final RunningSuite suite;
    private final ResponseQueries responses;

    FieldResponseTest(RunningSuite suite) {
        this.suite = suite;
        this.responses = new ResponseQueries(suite);
    }

    @BeforeAll
    static void aCompoundOfXijiaLinkedToItsGrids(RunningSuite suite) {
        compound = LinkedCompound.link(suite);
    }

    @Test
    void aPublishedNoticeOpensAResponseInTheCommunityHoldingTheAreaAndALaterNoticeClosesIt() {
        String unit = LinkedCompound.BUILDING + "2单元";
        TestNotices.Notice high = TestNotices.publish(suite, TestNotices.HIGH, 9001, List.of(unit));
        String area = high.area(unit);

        // opened by the feed consumer, in the community answering for the area along the tree (unit → building 3号楼,
        // linked to a building unit of the first grid)
        JsonPath opened = awaitResponse("admin-xijia", area, HANDLED);
        assertNull(opened.get("errors"), opened::prettify);
        Map<String, Object> response = opened.getMap("data.area.response");
        String id = (String) response.get("id");
        assertEquals("西贾社区", opened.getString("data.area.response.community.name"), opened::prettify);
        assertEquals("HIGH", response.get("level"));
        assertEquals(area, response.get("areaId"));
        assertFalse("LIFTED".equals(response.get("state")), opened::prettify);
        assertEquals(high.effectiveDate().toString(), response.get("effectiveDate"));
        assertEquals(List.of(9001), opened.getList("data.area.response.notices.noticeNumber"), opened::prettify);
        assertSetUpByPlan(opened, "data.area.response", high.effectiveDate());
        // nobody has signed up yet: every place of its posts is uncovered
        assertFalse(opened.getList("data.area.response.uncovered").isEmpty(), opened::prettify);

        // the first grid's worker is alerted, and acknowledges; so are the community's admins
        Map<String, Object> alert = Eventually.await(HANDLED, "grid-xijia-1's alert of response " + id,
                () -> responses.alertsAbout("grid-xijia-1", id, "RESPONSE_OPENED"), list -> !list.isEmpty()).get(0);
        assertNull(alert.get("acknowledgedAt"), alert::toString);
        assertEquals(area, alert.get("areaId"));
        JsonPath acknowledged = responses.acknowledge("grid-xijia-1", (String) alert.get("id"));
        assertNull(acknowledged.get("errors"), acknowledged::prettify);
        assertNotNull(acknowledged.get("data.acknowledgeAlert.acknowledgedAt"), acknowledged::prettify);
        assertEquals("grid-xijia-1", acknowledged.getString("data.acknowledgeAlert.acknowledgedBy"));
        assertTrue(responses.alerts("grid-xijia-1", true).stream().noneMatch(a -> a.get("id").equals(alert.get("id"))),
                "an acknowledged alert is no longer among the unacknowledged ones");
        assertEquals(1, responses.alertsAbout("admin-xijia", id, "RESPONSE_OPENED").size());
        assertTrue(responses.alertsAbout("admin-nanneihuan", id, "RESPONSE_OPENED").isEmpty(),
                "another community's admin is not told");

        // the district's officer reads it; another community's admin does not, at the object, whatever the path
        JsonPath officer = responses.byId("officer", id);
        assertNull(officer.get("errors"), officer::prettify);
        assertEquals(id, officer.getString("data.response.id"));
        for (JsonPath refused : List.of(responses.byId("admin-nanneihuan", id), responses.ofArea("admin-nanneihuan", area))) {
            assertEquals("FORBIDDEN", refused.getString("errors[0].extensions.code"), refused::prettify);
            assertNull(refused.get("data.response"), refused::prettify);
            assertNull(refused.get("data.area.response"), refused::prettify);
        }

        // a later notice lowers the area: the response closes
        TestNotices.publish(suite, TestNotices.LOW, 9002, List.of(unit));
        // the response is LIFTED before its work is wound down (posts closed, shifts, tasks and rounds cancelled, in
        // transactions of their own); its closing alerts are raised after that
        Map<String, Object> told = Eventually.await(HANDLED, "grid-xijia-1 told of the closing",
                () -> responses.alertsAbout("grid-xijia-1", id, "RESPONSE_CLOSED"), list -> list.size() == 1).get(0);
        JsonPath closed = responses.byId("admin-xijia", id);
        assertNull(closed.get("errors"), closed::prettify);
        assertEquals("LIFTED", closed.getString("data.response.state"), closed::prettify);
        assertEquals(List.of(9001, 9002), closed.getList("data.response.notices.noticeNumber"), closed::prettify);
        assertEquals("LOW", closed.getString("data.response.notices[1].levelInForce"), closed::prettify);
        assertClosedWithEverythingItSetUp(closed, "data.response");
        assertEquals(area, told.get("areaId"));
    }

    @Test
    void areaFieldsOfABuildingOrUnitFollowTheTreeToTheMostSpecificLinkedUnit() {
        String query = """
                query($a: ID!) { area(id: $a) { fullName responsibleGrid { name } dutyPosts { name } } }""";
        // inside the demo's 书林苑小区: its grid, and the checkpoint at the compound's gate
        JsonPath unit = Gateway.queryAs(suite, "officer", query, "a", compound.shulinyuanUnitArea);
        assertNull(unit.get("errors"), unit::prettify);
        assertEquals(LinkedCompound.FIRST_GRID, unit.getString("data.area.responsibleGrid.name"), unit::prettify);
        assertTrue(unit.getList("data.area.dutyPosts.name").contains("书林苑北门卡口"), unit::prettify);
        // 锦绣苑小区 answers to the third grid, its 3号楼 to the first (linked on its own: the most specific wins)
        JsonPath whole = Gateway.queryAs(suite, "officer", query, "a", compound.compoundArea);
        assertEquals(LinkedCompound.THIRD_GRID, whole.getString("data.area.responsibleGrid.name"), whole::prettify);
        JsonPath building = Gateway.queryAs(suite, "officer", query, "a", compound.buildingArea);
        assertEquals(LinkedCompound.FIRST_GRID, building.getString("data.area.responsibleGrid.name"), building::prettify);
    }

    @Test
    void aNoticePublishedWhileTheFeedIsUnreachableOpensItsResponseOnceItIsBack() {
        String building = LinkedCompound.COMPOUND + "5号楼";
        List<CountingProxy> feeds = suite.feedProxies();
        feeds.forEach(CountingProxy::stop);
        TestNotices.Notice notice;
        try {
            notice = TestNotices.publish(suite, TestNotices.HIGH, 9021, List.of(building));
            assertTrue(sequenceOf(notice.id()) > 0, "the publication is in notice-service's feed");
            JsonPath meanwhile = responses.ofArea("admin-xijia", notice.area(building));
            assertNull(meanwhile.get("errors"), meanwhile::prettify);
            assertNull(meanwhile.get("data.area.response"), "nobody could read the feed: " + meanwhile.prettify());
        } finally {
            feeds.forEach(CountingProxy::restart);
        }
        JsonPath opened = awaitResponse("admin-xijia", notice.area(building), HANDLED_AFTER_OUTAGE);
        assertEquals("西贾社区", opened.getString("data.area.response.community.name"), opened::prettify);
        assertEquals(1, responsesOf(notice.area(building)), "one response");
    }

    @Test
    void aReplicaThatDiesBeforeStoringItsPositionHandsTheFeedOverWithNothingLostOrDoubled() throws Exception {
        String sixth = LinkedCompound.COMPOUND + "6号楼";
        String seventh = LinkedCompound.COMPOUND + "7号楼";
        String eighth = LinkedCompound.COMPOUND + "8号楼";
        ServiceProcess replica = suite.startReplica("volunteer-service");
        CountingProxy suiteOwn = suite.feedProxy("volunteer-service");
        // only the replica reads the feed now (the suite's own process keeps trying, and finds nothing listening)
        suiteOwn.stop();
        TestNotices.Notice first;
        TestNotices.Notice second;
        try {
            first = TestNotices.publish(suite, TestNotices.HIGH, 9031, List.of(sixth));
            awaitResponse("admin-xijia", first.area(sixth), HANDLED);
            long handled = sequenceOf(first.id());
            try (Connection db = suite.connectToDatabase("volunteers")) {
                db.setAutoCommit(false);
                // the replica has stored its position past the first notice; from now on it cannot store another
                holdPositionOnceAt(db, handled);
                second = TestNotices.publish(suite, TestNotices.HIGH, 9032, List.of(seventh, eighth));
                awaitResponse("admin-xijia", second.area(seventh), HANDLED);
                assertTrue(Eventually.within(HANDLED, () -> LockWaits.count(db) > 0),
                        "the replica handled 7号楼's event and waits to store its position");
                replica.process().destroyForcibly(); // SIGKILL: the event handled, its position never stored
                assertTrue(replica.process().waitFor(30, TimeUnit.SECONDS), "the replica is gone");
                // PostgreSQL notices a closed client socket only once the backend waits no more: it would store the
                // position when the lock goes. The replica's connections end with it, as after a real crash.
                endWaitingBackends(db);
                db.rollback();
                assertEquals(handled, storedPosition(db), "7号楼's event comes again");
                db.commit();
            }
        } finally {
            suiteOwn.restart();
            replica.process().destroyForcibly();
        }
        // the suite's own process leads now, from the stored position: 7号楼's event again, then 8号楼's
        awaitResponse("admin-xijia", second.area(eighth), HANDLED_AFTER_OUTAGE);
        for (String area : List.of(first.area(sixth), second.area(seventh), second.area(eighth))) {
            assertEquals(1, responsesOf(area), "one response at " + area);
        }
        // 7号楼's event, handled twice, set up exactly what 8号楼's, handled once, did
        assertEquals(shape(second.area(eighth)), shape(second.area(seventh)));
    }

    /**
     * Waits until {@code user} (a community admin, told of every response of the community) sees a response at the
     * area that is set up: the service sets up posts, shifts, rounds and tasks in several transactions after the
     * response appears, and raises its RESPONSE_OPENED alert only when all of them are there.
     */
    private JsonPath awaitResponse(String user, String area, Duration timeout) {
        JsonPath found = Eventually.await(timeout, "a response at area " + area, () -> responses.ofArea(user, area),
                answer -> answer.get("data.area.response") != null);
        String id = found.getString("data.area.response.id");
        Eventually.await(timeout, "response " + id + " set up (its opening alert raised)",
                () -> responses.alertsAbout(user, id, "RESPONSE_OPENED"), alerts -> !alerts.isEmpty());
        return responses.ofArea(user, area);
    }

    /** Posts, shifts, testing rounds and tasks as the level's plan in force at the effective date says. */
    private void assertSetUpByPlan(JsonPath answer, String at, LocalDate effective) {
        Map<String, Object> plan = responses.plan("HIGH", effective.toString());
        List<Map<String, Object>> planned = cast(plan.get("posts"));
        List<Map<String, Object>> posts = answer.getList(at + ".posts");
        assertEquals(planned.stream().map(p -> p.get("kind")).sorted().toList(),
                posts.stream().map(p -> p.get("kind")).sorted().toList(), answer::prettify);
        for (Map<String, Object> post : posts) {
            Map<String, Object> plannedPost = planned.stream().filter(p -> p.get("kind").equals(post.get("kind")))
                    .findFirst().orElseThrow();
            assertNull(post.get("activeUntil"), answer::prettify);
            // active from the effective date (today in the city), a rotation of the plan's shifts
            assertEquals(effective, OffsetDateTime.parse((String) post.get("activeFrom"))
                    .atZoneSameInstant(TestNotices.CITY).toLocalDate(), answer::prettify);
            List<Map<String, Object>> shifts = cast(post.get("shifts"));
            assertFalse(shifts.isEmpty(), answer::prettify);
            for (Map<String, Object> shift : shifts) {
                assertEquals(Duration.ofHours(((Number) plannedPost.get("shiftHours")).longValue()), Duration.between(
                        OffsetDateTime.parse((String) shift.get("startsAt")), OffsetDateTime.parse((String) shift.get("endsAt"))));
                assertEquals(plannedPost.get("headcount"), shift.get("requiredHeadcount"));
                assertEquals(false, shift.get("cancelled"));
            }
        }
        List<Map<String, Object>> rounds = answer.getList(at + ".testingRounds");
        int count = ((Number) plan.get("testingRounds")).intValue();
        assertEquals(count, rounds.size(), answer::prettify);
        for (Map<String, Object> round : rounds) {
            int n = (Integer) round.get("round");
            LocalDate day = effective.plusDays(((Number) plan.get("firstRoundDay")).longValue()
                    + (long) (n - 1) * ((Number) plan.get("roundIntervalDays")).longValue());
            assertEquals(day.toString(), round.get("date"), answer::prettify);
            assertEquals(count, round.get("rounds"));
            assertEquals("SCHEDULED", round.get("status"));
        }
        List<Map<String, Object>> tasks = answer.getList(at + ".tasks");
        List<Object> kinds = FieldResponseTest.<Map<String, Object>>cast(plan.get("tasks")).stream().map(t -> t.get("kind"))
                .distinct().sorted().toList();
        assertEquals(kinds, tasks.stream().map(t -> t.get("kind")).distinct().sorted().toList(), answer::prettify);
        tasks.forEach(task -> assertEquals("OPEN", task.get("status"), answer::prettify));
    }

    /** Closed with a reason; every post closed, shifts after the closing cancelled, open tasks and rounds cancelled. */
    private static void assertClosedWithEverythingItSetUp(JsonPath answer, String at) {
        OffsetDateTime closedAt = OffsetDateTime.parse(answer.getString(at + ".closedAt"));
        assertTrue(answer.getString(at + ".closeReason").contains("9002"), answer::prettify);
        List<Map<String, Object>> posts = answer.getList(at + ".posts");
        assertFalse(posts.isEmpty(), answer::prettify);
        for (Map<String, Object> post : posts) {
            assertNotNull(post.get("activeUntil"), answer::prettify);
            assertNotNull(post.get("closedReason"), answer::prettify);
            for (Map<String, Object> shift : FieldResponseTest.<Map<String, Object>>cast(post.get("shifts"))) {
                if (OffsetDateTime.parse((String) shift.get("startsAt")).isAfter(closedAt)) {
                    assertEquals(true, shift.get("cancelled"), answer::prettify);
                    assertNotNull(shift.get("cancelReason"), answer::prettify);
                }
            }
        }
        List<Map<String, Object>> tasks = answer.getList(at + ".tasks");
        tasks.forEach(task -> {
            assertEquals("CANCELLED", task.get("status"), answer::prettify);
            assertNotNull(task.get("cancelReason"), answer::prettify);
        });
        List<Map<String, Object>> rounds = answer.getList(at + ".testingRounds");
        rounds.forEach(round -> assertEquals("CANCELLED", round.get("status"), answer::prettify));
        // coverage counts no closed post
        assertEquals(List.of(), answer.getList(at + ".uncovered"), answer::prettify);
    }

    /** How many responses (open or closed) 西贾社区 has at the area. */
    private int responsesOf(String area) {
        return (int) responses.ofCommunity(compound.communityId).stream().filter(r -> area.equals(r.get("areaId"))).count();
    }

    /** What the area's response set up, counted: posts, shifts, testing rounds, tasks, alerts. */
    private List<Integer> shape(String area) {
        JsonPath answer = responses.ofArea("sysadmin", area);
        assertNull(answer.get("errors"), answer::prettify);
        String id = answer.getString("data.area.response.id");
        int alerts = (int) responses.alerts("sysadmin", false).stream().filter(a -> id.equals(a.get("responseId"))).count();
        return List.of(answer.getList("data.area.response.posts").size(),
                answer.getList("data.area.response.posts.shifts.flatten()").size(),
                answer.getList("data.area.response.testingRounds").size(),
                answer.getList("data.area.response.tasks").size(), alerts);
    }

    /** The feed position of the (last) event notice-service wrote for the notice; 0 when there is none. */
    private long sequenceOf(String noticeId) {
        long found = 0;
        String after = null;
        boolean more;
        do {
            JsonPath page = Gateway.query(suite, """
                    query($after: ID) { areaEvents(after: $after, first: 500) { events { sequence noticeId } endCursor hasMore } }""",
                    "after", after);
            assertNull(page.get("errors"), page::prettify);
            for (Map<String, Object> event : page.<Map<String, Object>>getList("data.areaEvents.events")) {
                if (noticeId.equals(event.get("noticeId"))) {
                    found = Long.parseLong((String) event.get("sequence"));
                }
            }
            after = Objects.requireNonNullElse(page.getString("data.areaEvents.endCursor"), after);
            more = page.getBoolean("data.areaEvents.hasMore");
        } while (more);
        return found;
    }

    /**
     * Locks the feed's stored position once it is at least {@code sequence}, in {@code db}'s open transaction: a
     * consumer can still read it (and handle events), but not store a new one until the transaction ends.
     */
    private static void holdPositionOnceAt(Connection db, long sequence) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + HANDLED.toNanos();
        while (true) {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("select last_sequence from feed_position for update")) {
                if (rs.next() && rs.getLong(1) >= sequence) {
                    return;
                }
            }
            db.rollback();
            assertTrue(System.nanoTime() < deadline, "the replica stored no position past " + sequence);
            Thread.sleep(100);
        }
    }

    /** Ends the database sessions waiting for a lock (those the test's own lock holds up). */
    private static void endWaitingBackends(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("select pg_terminate_backend(l.pid) from " + LockWaits.WAITING);
        }
    }

    private static long storedPosition(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select last_sequence from feed_position")) {
            assertTrue(rs.next(), "a stored position");
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
