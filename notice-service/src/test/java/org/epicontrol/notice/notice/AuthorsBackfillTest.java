package org.epicontrol.notice.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V8: notice rows written without their authors get them from the audit trail (the drafter of the latest
 * CREATE/IMPORT/REPLACE, the publisher of PUBLISH); rows that name them keep theirs. The script is run again on
 * rows made to look old: it only fills what is missing, so running it twice is harmless.
 */
@QuarkusTest
class AuthorsBackfillTest {

    private static final String ISSUER = "作者回填指挥部";
    private static final String DATE = "2021-08-01";
    private static final AtomicInteger NUMBERS = new AtomicInteger(4800); // a range no other test of the module uses
    private static final String NAMES = "query($id: ID!) { notice(id: $id) { draftedBy publishedBy } }";

    @Inject
    Pool db;

    @Test
    void aPublishedNoticeWithoutAuthorsGetsThemFromTheAuditTrail() throws IOException {
        String id = publishedNotice();
        forgetAuthors(id);
        Staff.admin().post(NAMES, Map.of("id", id)).body("data.notice.draftedBy", nullValue());

        backfill();

        Staff.admin().post(NAMES, Map.of("id", id)).body("errors", nullValue())
                .body("data.notice.draftedBy", equalTo(Staff.EDITOR))
                .body("data.notice.publishedBy", equalTo(Staff.PUBLISHER));
        // the subjects come back too: four eyes still knows the drafter of a draft filled this way
        db.preparedQuery("select created_by_subject, published_by_subject from notice where id = $1")
                .execute(Tuple.of(Long.parseLong(id))).map(rows -> rows.iterator().next())
                .invoke(row -> {
                    assertEquals(Staff.subjectOf(Staff.EDITOR), row.getString("created_by_subject"));
                    assertEquals(Staff.subjectOf(Staff.PUBLISHER), row.getString("published_by_subject"));
                }).await().indefinitely();
    }

    @Test
    void aDraftGetsItsDrafterAndNoPublisher() throws IOException {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "回填草稿小区" + number);
        forgetAuthors(id);

        backfill();

        Staff.admin().post(NAMES, Map.of("id", id)).body("data.notice.draftedBy", equalTo(Staff.EDITOR))
                .body("data.notice.publishedBy", nullValue());
    }

    @Test
    void rowsThatNameTheirAuthorsKeepThem() throws IOException {
        String id = publishedNotice();
        db.preparedQuery("update notice set created_by = 'kept-drafter', published_by = 'kept-publisher' where id = $1")
                .execute(Tuple.of(Long.parseLong(id))).await().indefinitely();

        backfill();

        Staff.admin().post(NAMES, Map.of("id", id)).body("data.notice.draftedBy", equalTo("kept-drafter"))
                .body("data.notice.publishedBy", equalTo("kept-publisher"));
    }

    private String publishedNotice() {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "回填小区" + number);
        Staff.publisher().data(PUBLISH, Map.of("id", id));
        return id;
    }

    private void forgetAuthors(String id) {
        db.preparedQuery("update notice set created_by = null, created_by_subject = null, published_by = null,"
                        + " published_by_subject = null where id = $1")
                .execute(Tuple.of(Long.parseLong(id))).await().indefinitely();
    }

    private void backfill() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V8__notice_authors_backfill.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            db.query(script).execute().await().indefinitely();
        }
    }
}
