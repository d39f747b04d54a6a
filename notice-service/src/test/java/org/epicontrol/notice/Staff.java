package org.epicontrol.notice;

import org.epicontrol.common.security.StaffRole;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Signed-in users for the tests. Each username keeps one subject across requests (four eyes compares subjects);
 * each request gets a freshly signed token, since a whole test run outlasts a token's ten minutes.
 */
public final class Staff {

    /** Drafts and imports. */
    public static final String EDITOR = "erin-editor";
    /** Publishes what {@link #EDITOR} drafted. */
    public static final String PUBLISHER = "paul-publisher";
    public static final String ADMIN = "ada-admin";

    private Staff() {
    }

    public static GraphQLClient editor() {
        return as(EDITOR, StaffRole.NOTICE_EDITOR);
    }

    public static GraphQLClient publisher() {
        return as(PUBLISHER, StaffRole.NOTICE_PUBLISHER);
    }

    public static GraphQLClient admin() {
        return as(ADMIN, StaffRole.SYSTEM_ADMIN);
    }

    public static GraphQLClient as(String username, StaffRole... roles) {
        return Notices.GRAPHQL.bearer(token(username, roles).sign());
    }

    /** The token builder for a user, to sign as it is or to spoil (expired, other audience, ...). */
    public static TestTokens token(String username, StaffRole... roles) {
        return TestTokens.user(username)
                .subject(subjectOf(username))
                .roles(Arrays.stream(roles).map(StaffRole::roleName).toArray(String[]::new));
    }

    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(("notice-test/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
