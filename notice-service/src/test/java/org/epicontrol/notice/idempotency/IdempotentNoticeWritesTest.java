package org.epicontrol.notice.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
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

import static org.epicontrol.testsupport.KeyedRequests.freshKey;
import static org.epicontrol.testsupport.KeyedRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Idempotency keys (service-common) on importNotice and publishNotice, against the service's real PostgreSQL. */
@QuarkusTest
class IdempotentNoticeWritesTest {

    private static final String EDITOR = "Bearer " + Staff.token(Staff.EDITOR, StaffRole.NOTICE_EDITOR).sign();
    private static final String PUBLISHER = "Bearer " + Staff.token(Staff.PUBLISHER, StaffRole.NOTICE_PUBLISHER).sign();
    private static final String OTHER_EDITOR = "Bearer " + Staff.token("eve-editor", StaffRole.NOTICE_EDITOR).sign();

    @Inject
    Pool pool;

    @Test
    void aRetriedImportAnswersTheFirstAnswerAndStoresOneNotice() {
        String text = text(9101);
        String key = freshKey();
        Response first = send(EDITOR, key, Notices.IMPORT, Map.of("text", text, "year", 2021));
        Response retry = send(EDITOR, key, Notices.IMPORT, Map.of("text", text, "year", 2021));
        assertEquals(Boolean.TRUE, first.path("data.importNotice.created"), first.asString());
        assertEquals(first.asString(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        String id = first.path("data.importNotice.notice.id");
        assertEquals(1, auditEvents(id, "IMPORT"));
    }

    @Test
    void aRetriedPublicationAnswersPublishedInsteadOfNotADraft() {
        String id = send(EDITOR, null, Notices.IMPORT, Map.of("text", text(9102), "year", 2021))
                .path("data.importNotice.notice.id");
        String key = freshKey();
        Response first = send(PUBLISHER, key, Notices.PUBLISH, Map.of("id", id));
        assertEquals("PUBLISHED", first.path("data.publishNotice.status"), first.asString());
        assertEquals(first.asString(), send(PUBLISHER, key, Notices.PUBLISH, Map.of("id", id)).asString());
        assertEquals(1, auditEvents(id, "PUBLISH"));
    }

    @Test
    void theSameKeyForAnotherNoticeIsRefusedAndImportsNothing() {
        String key = freshKey();
        send(EDITOR, key, Notices.IMPORT, Map.of("text", text(9103), "year", 2021));
        Response other = send(EDITOR, key, Notices.IMPORT, Map.of("text", text(9104), "year", 2021));
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.path("errors[0].extensions.code"), other.asString());
        assertEquals(0, noticesNumbered(9104));
    }

    @Test
    void concurrentImportsWithTheSameKeyStoreOneNoticeAndOneEvent() throws Exception {
        String text = text(9105);
        String key = freshKey();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> send(EDITOR, key, Notices.IMPORT, Map.of("text", text, "year", 2021)));
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Future<Response> answer : threads.invokeAll(calls)) {
                Response response = answer.get();
                String id = response.path("data.importNotice.notice.id");
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
        assertEquals(1, noticesNumbered(9105));
        assertEquals(1, auditEvents(ids.iterator().next(), "IMPORT"));
    }

    @Test
    void anotherEditorsSameKeyIsTheirOwn() {
        String key = freshKey();
        Response mine = send(EDITOR, key, Notices.IMPORT, Map.of("text", text(9106), "year", 2021));
        Response theirs = send(OTHER_EDITOR, key, Notices.IMPORT, Map.of("text", text(9106), "year", 2021));
        assertNotNull(mine.path("data.importNotice.notice.id"), mine.asString());
        assertNull(theirs.header("Idempotent-Replayed"));
        // their import ran as their own request: the notice exists already, so it created nothing
        assertEquals(Boolean.FALSE, theirs.path("data.importNotice.created"), theirs.asString());
    }

    private static String text(int number) {
        return Notices.synthetic(number, 3, 1, Notices.TEST_DISTRICT, "LOW", "幂等小区" + Notices.stems(number));
    }

    private int auditEvents(String noticeId, String action) {
        return pool.preparedQuery("select count(*) from audit_event where target_id = $1 and action = $2")
                .execute(Tuple.of(noticeId, action)).await().indefinitely().iterator().next().getInteger(0);
    }

    private int noticesNumbered(int number) {
        return pool.preparedQuery("select count(*) from notice where number = $1 and year = 2021")
                .execute(Tuple.of(number)).await().indefinitely().iterator().next().getInteger(0);
    }
}
