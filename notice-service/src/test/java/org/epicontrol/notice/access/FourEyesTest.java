package org.epicontrol.notice.access;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Whoever drafted a notice never publishes it, whatever roles they hold. */
@QuarkusTest
class FourEyesTest {

    private static final String ISSUER = "四眼测试指挥部";
    private static final String DATE = "2021-06-20";
    private static final String STATUS = "query($id: ID!) { notice(id: $id) { status } }";

    @Test
    void publisherCannotPublishOwnDraft() {
        GraphQLClient both = Staff.as("bea-both", StaffRole.NOTICE_EDITOR, StaffRole.NOTICE_PUBLISHER);
        String id = Notices.createDraft(both, ISSUER, 1, DATE, "四眼甲小区");

        refusedForFourEyes(both, id);
        Staff.publisher().post(PUBLISH, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.publishNotice.status", equalTo("PUBLISHED"));
    }

    @Test
    void systemAdminCannotPublishOwnDraftEither() {
        String id = Notices.createDraft(Staff.admin(), ISSUER, 2, DATE, "四眼乙小区");

        refusedForFourEyes(Staff.admin(), id);
        Staff.publisher().post(PUBLISH, Map.of("id", id)).body("data.publishNotice.status", equalTo("PUBLISHED"));
    }

    @Test
    void aRenamedDrafterIsStillTheDrafter() {
        StaffRole[] roles = {StaffRole.NOTICE_EDITOR, StaffRole.NOTICE_PUBLISHER};
        String id = Notices.createDraft(Staff.as("rita-before", roles), ISSUER, 3, DATE, "四眼丙小区");
        // same Keycloak user (subject), new username
        String renamed = TestTokens.user("rita-after").subject(Staff.subjectOf("rita-before"))
                .roles(StaffRole.NOTICE_EDITOR.roleName(), StaffRole.NOTICE_PUBLISHER.roleName()).sign();

        refusedForFourEyes(GRAPHQL.bearer(renamed), id);
    }

    private static void refusedForFourEyes(GraphQLClient publisher, String id) {
        publisher.post(PUBLISH, Map.of("id", id))
                .body("data.publishNotice", nullValue())
                .body("errors[0].extensions.code", equalTo("FOUR_EYES"))
                .body("errors[0].message", containsString("publishNotice"));
        Staff.editor().post(STATUS, Map.of("id", id)).body("data.notice.status", equalTo("DRAFT"));
    }
}
