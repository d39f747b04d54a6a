package org.epicontrol.gateway.plan;

import graphql.schema.GraphQLObjectType;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * The subscription root type of a supergraph, for planning a subscription: its one root field becomes the root
 * fetch (a {@code subscription} operation to the subgraph that owns it), the rest of the selection the ordinary
 * entity fetches run for each event.
 */
final class SubscriptionRoot {
    private SubscriptionRoot() {
    }

    static String of(Supergraph supergraph) {
        GraphQLObjectType type = supergraph.apiSchema().getSubscriptionType();
        if (type == null) {
            throw new PlanningException("the schema has no subscription type");
        }
        return type.getName();
    }
}
