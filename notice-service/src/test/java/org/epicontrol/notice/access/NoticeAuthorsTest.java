package org.epicontrol.notice.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Notice.draftedBy and Notice.publishedBy: the names of the four eyes, for the notice office and system
 * administrators on every path to a notice (root, nested below a designation, federation _entities); to anyone else
 * null with the refusal at that field, the rest of the notice answered.
 */
@QuarkusTest
class NoticeAuthorsTest {

    private static final String ISSUER = "四眼可见指挥部";
    private static final String DATE = "2021-07-02";
    private static final AtomicInteger NUMBERS = new AtomicInteger(4700); // a range of its own: NoticeLifecycleTest checks numbers 508-511 are absent

    private static final String ROOT = "query($id: ID!) { notice(id: $id) { number draftedBy publishedBy } }";
    private static final String NESTED = """
            query($id: ID!) { notice(id: $id) { designations { notice { number draftedBy publishedBy } } } }""";
    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Notice { number draftedBy publishedBy } } }""";

    /** One path to the notice: the query, its variables and where the notice is in the answer. */
    private record Path(String query, String at, Object[] errorPath) {
    }

    private static List<Path> paths() {
        return List.of(
                new Path(ROOT, "data.notice", new Object[]{"notice"}),
                new Path(NESTED, "data.notice.designations[0].notice", new Object[]{"notice", "designations", 0, "notice"}),
                new Path(ENTITIES, "data._entities[0]", new Object[]{"_entities", 0}));
    }

    private static ValidatableResponse read(Who who, Path path, String id) {
        Map<String, Object> vars = path.query().equals(ENTITIES)
                ? Map.of("r", List.of(Map.of("__typename", "Notice", "id", id)))
                : Map.of("id", id);
        return who.client().post(path.query(), vars);
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "PUBLISHER", "SYSTEM_ADMIN"})
    void theNoticeOfficeReadsWhoDraftedAndWhoPublishedOnEveryPath(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "四眼小区" + number);
        Staff.publisher().data(PUBLISH, Map.of("id", id));

        for (Path path : paths()) {
            read(who, path, id).body("errors", nullValue())
                    .body(path.at() + ".number", equalTo(number))
                    .body(path.at() + ".draftedBy", equalTo(Staff.EDITOR))
                    .body(path.at() + ".publishedBy", equalTo(Staff.PUBLISHER));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "DISTRICT_OFFICER", "COMMUNITY_ADMIN", "GRID_WORKER", "VOLUNTEER"})
    void anyoneElseGetsTheNoticeWithoutTheNamesAndTheRefusalAtEachField(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "四眼小区" + number);
        Staff.publisher().data(PUBLISH, Map.of("id", id));

        for (Path path : paths()) {
            ValidatableResponse answer = read(who, path, id)
                    .body(path.at() + ".number", equalTo(number))
                    .body(path.at() + ".draftedBy", nullValue())
                    .body(path.at() + ".publishedBy", nullValue());
            for (String field : List.of("draftedBy", "publishedBy")) {
                List<Object> at = new java.util.ArrayList<>(List.of(path.errorPath()));
                at.add(field);
                answer.body("errors.findAll { it.path == " + groovyList(at) + " }.extensions.code",
                        equalTo(List.of(who.refusal())));
            }
        }
    }

    @Test
    void aDraftHasItsDrafterAndNoPublisherYet() {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "四眼小区" + number);

        Staff.publisher().post(ROOT, Map.of("id", id)).body("errors", nullValue())
                .body("data.notice.draftedBy", equalTo(Staff.EDITOR))
                .body("data.notice.publishedBy", nullValue());
    }

    @Test
    void anImportNamesItsImporterAndThePublisherOnceItIsPublished() {
        int number = 8800 + NUMBERS.incrementAndGet();
        String text = Notices.synthetic(number, 7, 2, Notices.TEST_DISTRICT, "LOW", "四眼导入小区" + number);
        String id = Notices.importText(text, 2021).getString("notice.id");

        Staff.admin().post(ROOT, Map.of("id", id)).body("errors", nullValue())
                .body("data.notice.draftedBy", equalTo(Staff.EDITOR))
                .body("data.notice.publishedBy", equalTo(Staff.PUBLISHER));
    }

    private static String groovyList(List<Object> items) {
        StringBuilder out = new StringBuilder("[");
        for (Object item : items) {
            out.append(out.length() > 1 ? ", " : "").append(item instanceof String s ? "'" + s + "'" : item);
        }
        return out.append("]").toString();
    }
}
