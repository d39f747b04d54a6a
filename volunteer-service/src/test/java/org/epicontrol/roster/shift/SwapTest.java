package org.epicontrol.roster.shift;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.signUp;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SwapTest {

    private static final String PROPOSE = """
            mutation($a: ID!, $to: ID!, $toA: ID) { proposeSwap(assignmentId: $a, toVolunteerId: $to, toAssignmentId: $toA) { id status } }""";
    private static final String ACCEPT = "mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { status } }";
    private static final String PEOPLE = "query($s: ID!) { shift(id: $s) { assignments { volunteer { id } } } }";

    @Test
    void aHandOverMovesTheShiftOnceTheColleagueAccepts() {
        String community = RosterFixtures.community();
        String shift = SignUpRulesTest.shift(RosterFixtures.post(community, "PATROL", 1), 7, "08", "16");
        String wang = RosterFixtures.volunteer(community);
        String li = RosterFixtures.volunteer(community);
        String assignment = signUp(shift, wang).extract().path("data.signUp.id");
        String swap = propose(assignment, li, null);
        assertEquals(List.of(wang), people(shift));
        GRAPHQL.post(ACCEPT, Map.of("s", swap, "v", wang)).body("errors[0].extensions.code", equalTo("NOT_YOUR_SWAP"));
        GRAPHQL.data(ACCEPT, Map.of("s", swap, "v", li));
        assertEquals(List.of(li), people(shift));
    }

    @Test
    void anExchangeSwapsBothShifts() {
        String community = RosterFixtures.community();
        String day = SignUpRulesTest.shift(RosterFixtures.post(community, "CHECKPOINT", 1), 8, "08", "16");
        String night = SignUpRulesTest.shift(RosterFixtures.post(community, "PATROL", 1), 9, "08", "16");
        String wang = RosterFixtures.volunteer(community);
        String li = RosterFixtures.volunteer(community);
        String a = signUp(day, wang).extract().path("data.signUp.id");
        String b = signUp(night, li).extract().path("data.signUp.id");
        GRAPHQL.data(ACCEPT, Map.of("s", propose(a, li, b), "v", li));
        assertEquals(List.of(li), people(day));
        assertEquals(List.of(wang), people(night));
    }

    @Test
    void aSwapThatWouldBreakARuleChangesNothing() {
        String community = RosterFixtures.community();
        String vanguard = SignUpRulesTest.shift(RosterFixtures.post(community, "VETERAN_VANGUARD", 1, "VETERAN"), 10, "08", "16");
        String veteran = RosterFixtures.volunteer(community, "VETERAN");
        String resident = RosterFixtures.volunteer(community, "RESIDENT");
        String a = signUp(vanguard, veteran).extract().path("data.signUp.id");
        GRAPHQL.post(ACCEPT, Map.of("s", propose(a, resident, null), "v", resident))
                .body("errors[0].extensions.code", equalTo("NOT_QUALIFIED"));
        assertEquals(List.of(veteran), people(vanguard));
    }

    @Test
    void twoConcurrentSwapsOfOneShiftLeaveItWithExactlyOnePerson() throws Exception {
        String community = RosterFixtures.community();
        String shift = SignUpRulesTest.shift(RosterFixtures.post(community, "PATROL", 1), 11, "08", "16");
        String wang = RosterFixtures.volunteer(community);
        String a = signUp(shift, wang).extract().path("data.signUp.id");
        // Two colleagues each offer one of their own shifts in exchange for Wang's.
        List<String[]> offers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String colleague = RosterFixtures.volunteer(community);
            String theirs = SignUpRulesTest.shift(RosterFixtures.post(community, "DELIVERY", 1), 12 + i, "08", "16");
            String b = signUp(theirs, colleague).extract().path("data.signUp.id");
            offers.add(new String[] {colleague, b});
        }
        String first = propose(a, offers.get(0)[0], offers.get(0)[1]);
        GRAPHQL.data("mutation($s: ID!, $v: ID!) { withdrawSwap(swapId: $s, volunteerId: $v) { status } }",
                Map.of("s", first, "v", wang));
        // A hand-over and an exchange of the same assignment, accepted at once by different people.
        String handOver = propose(a, offers.get(1)[0], null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String exchange = GRAPHQL.post(PROPOSE, vars(a, offers.get(0)[0], offers.get(0)[1])).extract().path("data.proposeSwap.id");
            List<Callable<Boolean>> calls = new ArrayList<>();
            calls.add(() -> GRAPHQL.post(ACCEPT, Map.of("s", handOver, "v", offers.get(1)[0])).extract().path("errors") == null);
            if (exchange != null) {
                calls.add(() -> GRAPHQL.post(ACCEPT, Map.of("s", exchange, "v", offers.get(0)[0])).extract().path("errors") == null);
            }
            int accepted = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                accepted += f.get() ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, people(shift).size());
    }

    private static String propose(String assignment, String to, String toAssignment) {
        return GRAPHQL.data(PROPOSE, vars(assignment, to, toAssignment)).getString("proposeSwap.id");
    }

    private static Map<String, Object> vars(String assignment, String to, String toAssignment) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("a", assignment);
        vars.put("to", to);
        vars.put("toA", toAssignment);
        return vars;
    }

    private static List<String> people(String shift) {
        return GRAPHQL.data(PEOPLE, Map.of("s", shift)).getList("shift.assignments.volunteer.id");
    }
}
