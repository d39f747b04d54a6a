package org.epicontrol.notice.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A token Quarkus does not accept is answered 401 before GraphQL runs: never treated as anonymous, never obeyed. */
@QuarkusTest
class BadTokenTest {

    private static final String ISSUER = "坏令牌测试指挥部";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final String OWN_NOTICES = """
            { notices(from: "2021-06-25", to: "2021-06-25", first: 500) { edges { node { number } } } }""";

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", editor().expired().sign()),
                Arguments.of("wrong audience", editor().audience("some-other-api").sign()),
                Arguments.of("other issuer", editor().issuer("https://issuer.example.org").sign()),
                Arguments.of("alg none", editor().unsigned()),
                Arguments.of("tampered volunteer made system-admin",
                        TestTokens.tampered(Staff.token("val-volunteer", StaffRole.VOLUNTEER).sign())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedWith401AndChangesNothing(String kind, String token) {
        int number = NUMBERS.incrementAndGet();
        Map<String, Object> body = Map.of("query", Notices.CREATE,
                "variables", Map.of("input", Notices.draftInput(ISSUER, number, "2021-06-25", "坏令牌小区" + number)));
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/graphql").then().statusCode(401);
        List<Integer> stored = Staff.admin().data(OWN_NOTICES).getList("notices.edges.node.number");
        assertFalse(stored.contains(number), kind + " token created notice " + number);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedEvenForAPublicQuery(String kind, String token) {
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("query", "{ riskLevels { code } }"))
                .post("/graphql").then().statusCode(401);
    }

    private static TestTokens editor() {
        return Staff.token(Staff.EDITOR, StaffRole.NOTICE_EDITOR);
    }
}
