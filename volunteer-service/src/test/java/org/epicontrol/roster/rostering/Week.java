package org.epicontrol.roster.rostering;

import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.mobilisation.Town;
import org.epicontrol.testsupport.GraphQLClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.junit.jupiter.api.Assertions.fail;

/** A town (communities A and B, their admins) and helpers to build a stretch of days in 2034 and roster it. */
final class Week {

    private static final AtomicInteger DAYS = new AtomicInteger();

    final Town town = new Town();
    /** The first day of this week's own stretch: no other test of this JVM uses its days. */
    final LocalDate first;

    Week(int days) {
        first = LocalDate.of(2034, 1, 2).plusDays(DAYS.getAndAdd(days + 2));
    }

    static String at(LocalDate date, int hour) {
        return String.format("%sT%02d:00:00+08:00", date.plusDays(hour / 24), hour % 24);
    }

    String shift(String post, int day, int fromHour, int hours, int headcount) {
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!, $h: Int) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e, requiredHeadcount: $h) { id } }",
                Map.of("p", post, "s", at(first.plusDays(day), fromHour), "e", at(first.plusDays(day), fromHour + hours),
                        "h", headcount))
                .getString("createShift.id");
    }

    /** Day and night shifts (08–20, 20–08) of the post for {@code days} days. */
    List<String> rotation(String post, int days, int headcount) {
        List<String> shifts = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            shifts.add(shift(post, d, 8, 12, headcount));
            shifts.add(shift(post, d, 20, 12, headcount));
        }
        return shifts;
    }

    List<String> volunteers(int count, String... kinds) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(RosterFixtures.volunteer(town.communityA, kinds));
        }
        return ids;
    }

    String from() {
        return at(first, 0);
    }

    String to(int days) {
        return at(first.plusDays(days), 0);
    }

    static final String PROPOSAL = "id communityId status score placesTotal placesFilled placesMoved allowMoves failure"
            + " places { placeId openReason assignmentId move replacesAssignmentId leaving { id } shift { id }"
            + " volunteer { id } }";

    String propose(GraphQLClient admin, int days) {
        return propose(admin, days, false);
    }

    /** {@code allowMoves}: people already on the window's shifts may be moved. */
    String propose(GraphQLClient admin, int days, boolean allowMoves) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("c", town.communityA);
        vars.put("f", from());
        vars.put("t", to(days));
        vars.put("o", Map.of("timeBudgetSeconds", 2, "allowMoves", allowMoves));
        return admin.data("mutation($c: ID!, $f: DateTime!, $t: DateTime!, $o: RosterProposalOptions) {"
                        + " proposeRoster(communityId: $c, from: $f, to: $t, options: $o) { id status } }", vars)
                .getString("proposeRoster.id");
    }

    /** Waits until the proposal is DONE (or fails the test) and answers it with its places. */
    static JsonPath done(GraphQLClient reader, String proposal) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            JsonPath p = reader.data("query($id: ID!) { rosterProposal(id: $id) { " + PROPOSAL + " } }",
                    Map.of("id", proposal));
            String status = p.getString("rosterProposal.status");
            if ("DONE".equals(status)) {
                return p;
            }
            if ("FAILED".equals(status)) {
                fail("proposal failed: " + p.getString("rosterProposal.failure"));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
        return fail("proposal " + proposal + " not done within 90 s");
    }

    static final String APPLICATION = "proposal { id placesFilled } applied { placeId assignmentId move shift { id }"
            + " volunteer { id } leaving { id } } refused { placeId code message }";

    static io.restassured.response.ValidatableResponse apply(GraphQLClient admin, String proposal, List<String> places) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", proposal);
        vars.put("p", places);
        return admin.post("mutation($id: ID!, $p: [String]) { applyRosterProposal(id: $id, placeIds: $p) { "
                + APPLICATION + " } }", vars);
    }

    /** The volunteers on the shift now. */
    static List<String> peopleOn(String shift) {
        return GRAPHQL.data("query($s: ID!) { shift(id: $s) { assignments { volunteer { id } } } }", Map.of("s", shift))
                .getList("shift.assignments.volunteer.id");
    }

    /** An administrator's assignment (assignVolunteer). */
    static String assign(String shift, String volunteer) {
        return GRAPHQL.data("mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }",
                Map.of("s", shift, "v", volunteer)).getString("assignVolunteer.id");
    }

    static int assignedOn(String shift) {
        return GRAPHQL.data("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", shift))
                .getList("shift.assignments").size();
    }
}
