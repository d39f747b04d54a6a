package org.epicontrol.roster.rostering;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLSubscription;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** graphql-transport-ws on /graphql: a proposal's progress up to its final state, for its community's staff only. */
@QuarkusTest
class ProposalProgressSubscriptionTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    private static String progress(String proposal) {
        return "subscription { rosterProposalProgress(id: \"" + proposal + "\") { proposalId status score placesFilled"
                + " placesTotal } }";
    }

    @Test
    void aSubscriberFollowsTheProposalUntilItIsDone() throws Exception {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 2);
        w.rotation(post, 1, 2);
        w.volunteers(4, "RESIDENT");
        String proposal = w.propose(RosterFixtures.GRAPHQL, 1);
        String root = TestTokens.user("root").roles("system-admin").sign();
        try (GraphQLSubscription subscriber = GraphQLSubscription.open(graphql, root, progress(proposal))) {
            String last = null;
            long until = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < until && (last == null || !last.contains("\"DONE\""))) {
                String next = subscriber.next(10);
                if (next != null) {
                    last = next;
                }
            }
            assertNotNull(last, "no progress pushed");
            assertTrue(last.contains("\"status\":\"DONE\""), last);
            assertTrue(last.contains("\"placesFilled\":4") && last.contains("\"placesTotal\":4"), last);
        }
    }

    @Test
    void anotherCommunitysAdminIsRefused() throws Exception {
        Week w = new Week(1);
        RosterFixtures.post(w.town.communityA, "PATROL", 1);
        String proposal = w.propose(w.town.adminA, 1);
        String outsider = TestTokens.user("admin-elsewhere").roles("community-admin").groups("/别的区/别的街道/别的社区").sign();
        try (GraphQLSubscription subscriber = GraphQLSubscription.open(graphql, outsider, progress(proposal))) {
            String refused = subscriber.next(10);
            assertNotNull(refused, "no refusal");
            assertTrue(refused.contains("FORBIDDEN"), refused);
        }
    }
}
