package org.epicontrol.roster.rostering;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A proposal belongs to its community: another community's admin can neither propose, read, follow nor apply it. */
@QuarkusTest
class ProposalAccessTest {

    @Test
    void anotherCommunitysAdminCannotProposeReadOrApplyAndNothingChanges() {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "PATROL", 1);
        String shift = w.shift(post, 0, 8, 8, 1);
        w.volunteers(2, "RESIDENT");

        Map<String, Object> vars = Map.of("c", w.town.communityA, "f", w.from(), "t", w.to(1));
        w.town.adminB.post("mutation($c: ID!, $f: DateTime!, $t: DateTime!) { proposeRoster(communityId: $c, from: $f,"
                        + " to: $t) { id } }", vars)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        String proposal = w.propose(w.town.adminA, 1);
        Week.done(w.town.adminA, proposal);
        w.town.adminB.post("query($id: ID!) { rosterProposal(id: $id) { id places { placeId } } }", Map.of("id", proposal))
                .body("data.rosterProposal", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Week.apply(w.town.adminB, proposal, null)
                .body("data.applyRosterProposal", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(0, Week.assignedOn(shift));
        // the district's officer reads it, may not apply it
        w.town.officer.post("query($id: ID!) { rosterProposal(id: $id) { id } }", Map.of("id", proposal))
                .body("errors", nullValue()).body("data.rosterProposal.id", equalTo(proposal));
        Week.apply(w.town.officer, proposal, null).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(0, Week.assignedOn(shift));

        JsonPath applied = Week.apply(w.town.adminA, proposal, null).body("errors", nullValue()).extract().jsonPath();
        assertEquals(1, applied.getList("data.applyRosterProposal.applied").size());
        assertEquals(1, Week.assignedOn(shift));
    }
}
