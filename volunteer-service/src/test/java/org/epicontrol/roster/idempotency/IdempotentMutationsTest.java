package org.epicontrol.roster.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.common.idempotency.IdempotencyCleanup;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.testsupport.KeyedRequests.freshKey;
import static org.epicontrol.testsupport.KeyedRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency keys (service-common) on volunteer-service's mutations, against its real PostgreSQL. */
@QuarkusTest
class IdempotentMutationsTest {

    private static final String ROOT = "Bearer " + TestTokens.user("root").roles("system-admin").sign();
    private static final String OTHER_ADMIN = "Bearer " + TestTokens.user("root-2").roles("system-admin").sign();
    private static final String CREATE_SHIFT = "mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
            + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }";
    private static final String SIGN_UP = "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id status } }";
    private static final String ASSIGN = "mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }";
    private static final String PROPOSE = "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id status } }";
    private static final String ACCEPT = "mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { id status } }";
    private static final String SHIFTS = "query($p: ID!) { dutyPost(id: $p) { shifts(from: \"2031-01-01T00:00:00+08:00\","
            + " to: \"2032-01-01T00:00:00+08:00\") { id } } }";

    @Inject
    Pool pool;

    @Inject
    IdempotencyCleanup cleanup;

    @Test
    void theSameKeyTwiceWritesOnceAndAnswersTheFirstAnswer() {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        String key = freshKey();
        Response first = send(ROOT, key, CREATE_SHIFT, shiftOn(post, 3));
        Response again = send(ROOT, key, CREATE_SHIFT, shiftOn(post, 3));
        String id = first.path("data.createShift.id");
        assertNotNull(id, first.asString());
        assertEquals(first.asString(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(List.of(id), shiftsOf(post));
        assertEquals(1, auditEvents("Shift", id));
    }

    @Test
    void aRetriedSignUpAnswersTheAssignmentInsteadOfAlreadyAssigned() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 2), 4);
        String volunteer = RosterFixtures.volunteer(community);
        String key = freshKey();
        Response first = send(ROOT, key, SIGN_UP, Map.of("s", shift, "v", volunteer));
        Response retry = send(ROOT, key, SIGN_UP, Map.of("s", shift, "v", volunteer));
        assertNotNull(first.path("data.signUp.id"), first.asString());
        assertEquals(first.asString(), retry.asString());
        // without a key the same request is refused: it would be a second write
        Response unkeyed = send(ROOT, null, SIGN_UP, Map.of("s", shift, "v", volunteer));
        assertNotNull(unkeyed.path("errors[0].extensions.code"), unkeyed.asString());
    }

    @Test
    void assignProposeAndAcceptRetriedAnswerTheirFirstAnswers() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 1), 5);
        String wang = RosterFixtures.volunteer(community);
        String li = RosterFixtures.volunteer(community);
        String assignKey = freshKey();
        Response assigned = send(ROOT, assignKey, ASSIGN, Map.of("s", shift, "v", wang));
        assertEquals(assigned.asString(), send(ROOT, assignKey, ASSIGN, Map.of("s", shift, "v", wang)).asString());
        String assignment = assigned.path("data.assignVolunteer.id");
        assertNotNull(assignment, assigned.asString());

        String proposeKey = freshKey();
        Response proposed = send(ROOT, proposeKey, PROPOSE, Map.of("a", assignment, "to", li));
        assertEquals(proposed.asString(), send(ROOT, proposeKey, PROPOSE, Map.of("a", assignment, "to", li)).asString());
        String swap = proposed.path("data.proposeSwap.id");
        assertNotNull(swap, proposed.asString());
        assertEquals(1, auditEvents("SwapRequest", swap));

        String acceptKey = freshKey();
        Response accepted = send(ROOT, acceptKey, ACCEPT, Map.of("s", swap, "v", li));
        assertNull(accepted.path("errors"), accepted.asString());
        assertEquals(accepted.asString(), send(ROOT, acceptKey, ACCEPT, Map.of("s", swap, "v", li)).asString());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        String key = freshKey();
        send(ROOT, key, CREATE_SHIFT, shiftOn(post, 6));
        Response other = send(ROOT, key, CREATE_SHIFT, shiftOn(post, 7));
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.path("errors[0].extensions.code"), other.asString());
        assertEquals(1, shiftsOf(post).size());
    }

    @Test
    void concurrentRequestsWithTheSameKeyWriteOnce() throws Exception {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        String key = freshKey();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> send(ROOT, key, CREATE_SHIFT, shiftOn(post, 8)));
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Future<Response> answer : threads.invokeAll(calls)) {
                Response response = answer.get();
                String id = response.path("data.createShift.id");
                if (id != null) {
                    ids.add(id);
                } else {
                    assertEquals("IDEMPOTENCY_KEY_IN_PROGRESS", response.path("errors[0].extensions.code"),
                            response.asString());
                }
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(1, ids.size());
        assertEquals(List.copyOf(ids), shiftsOf(post));
        // once the first is done, a retry is answered its answer
        assertEquals(ids.iterator().next(), send(ROOT, key, CREATE_SHIFT, shiftOn(post, 8)).path("data.createShift.id"));
    }

    @Test
    void anotherCallersKeyDoesNotAnswerTheFirstCallersAnswer() {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 2);
        String key = freshKey();
        Response mine = send(ROOT, key, CREATE_SHIFT, shiftOn(post, 9));
        assertNotNull(mine.path("data.createShift.id"), mine.asString());
        // the same key and body from someone else is their own request: it runs, and the post has that shift already
        Response theirs = send(OTHER_ADMIN, key, CREATE_SHIFT, shiftOn(post, 9));
        assertNull(theirs.header("Idempotent-Replayed"));
        assertEquals("SHIFT_OVERLAP", theirs.path("errors[0].extensions.code"), theirs.asString());
        assertEquals(1, shiftsOf(post).size());
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingRuns() {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        Response spaces = send(ROOT, "not a key", CREATE_SHIFT, shiftOn(post, 10));
        assertEquals("INVALID_IDEMPOTENCY_KEY", spaces.path("errors[0].extensions.code"), spaces.asString());
        Response tooLong = send(ROOT, "k".repeat(129), CREATE_SHIFT, shiftOn(post, 10));
        assertEquals("INVALID_IDEMPOTENCY_KEY", tooLong.path("errors[0].extensions.code"), tooLong.asString());
        assertTrue(shiftsOf(post).isEmpty());
    }

    @Test
    void aFailedWriteLeavesNoKeySoItsRetryRunsAgain() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 1), 11);
        String key = freshKey();
        Response refused = send(ROOT, key, SIGN_UP, Map.of("s", shift, "v", "999999999"));
        assertNotNull(refused.path("errors[0].extensions.code"), refused.asString());
        assertEquals(0, keysNamed(key));
    }

    @Test
    void expiredKeysAreDeletedByTheCleanup() {
        String key = freshKey();
        pool.preparedQuery("insert into idempotency_key (subject, key, request_hash, request_id, created_at, expires_at)"
                        + " values ('someone', $1, repeat('0', 64), 'r', now() - interval '2 days', now() - interval '1 day')")
                .execute(Tuple.of(key)).await().indefinitely();
        assertEquals(1, keysNamed(key));
        assertTrue(cleanup.run().await().indefinitely() >= 1);
        assertEquals(0, keysNamed(key));
    }

    @Test
    void aQueryWithAKeyRunsAsAQuery() {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        String key = freshKey();
        Response read = send(ROOT, key, SHIFTS, Map.of("p", post));
        assertNull(read.path("errors"), read.asString());
        assertEquals(0, keysNamed(key));
        assertFalse(read.asString().isEmpty());
    }

    private int keysNamed(String key) {
        return pool.preparedQuery("select count(*) from idempotency_key where key = $1").execute(Tuple.of(key))
                .await().indefinitely().iterator().next().getInteger(0);
    }

    private static Map<String, Object> shiftOn(String post, int day) {
        return Map.of("p", post, "s", String.format("2031-04-%02dT08:00:00+08:00", day),
                "e", String.format("2031-04-%02dT16:00:00+08:00", day));
    }

    private static String shift(String post, int day) {
        return GRAPHQL.data(CREATE_SHIFT, shiftOn(post, day)).getString("createShift.id");
    }

    private static List<String> shiftsOf(String post) {
        return GRAPHQL.data(SHIFTS, Map.of("p", post)).getList("dutyPost.shifts.id");
    }

    private int auditEvents(String type, String id) {
        return pool.preparedQuery("select count(*) from audit_event where target_type = $1 and target_id = $2")
                .execute(Tuple.of(type, id)).await().indefinitely().iterator().next().getInteger(0);
    }
}
