package org.epicontrol.gateway.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.parser.Parser;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.Supergraphs;
import org.epicontrol.gateway.testing.SubscriptionSupergraphs;
import org.junit.jupiter.api.Test;

/** Subscriptions are planned like queries: the root fetch subscribes, the rest is the ordinary entity plan. */
class SubscriptionPlanTest {
    private static final Supergraph NOTICES = SupergraphParser.parse(SubscriptionSupergraphs.supergraph(
            Map.of("notices", "http://notices/graphql", "volunteers", "http://volunteers/graphql")));

    @Test
    void rootFetchSubscribesToTheOwningSubgraphAndEntityFieldsFollowAsFlatten() {
        QueryPlan plan = new QueryPlanner(NOTICES).plan(Parser.parse(
                "subscription { noticePublished { title volunteersOnCall } }"), null);
        assertEquals("Sequence[Fetch(notices), Flatten(noticePublished, Fetch(volunteers))]",
                QueryPlanRenderer.shape(plan.root()));
        PlanNode.Fetch root = (PlanNode.Fetch) ((PlanNode.Sequence) plan.root()).nodes().get(0);
        assertTrue(root.operation().startsWith("subscription{noticePublished{title __typename id}}"),
                root.operation());
        PlanNode.Flatten entities = (PlanNode.Flatten) ((PlanNode.Sequence) plan.root()).nodes().get(1);
        assertTrue(((PlanNode.Fetch) entities.node()).operation().startsWith("query"));
    }

    @Test
    void subscriptionWithoutSubscriptionTypeIsAPlanningError() {
        Supergraph shop = SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP));
        assertThrows(PlanningException.class, () -> new QueryPlanner(shop).plan(Parser.parse(
                "subscription { me { name } }"), null));
    }
}
