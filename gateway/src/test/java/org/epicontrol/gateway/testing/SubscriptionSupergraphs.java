package org.epicontrol.gateway.testing;

import java.util.Map;

/**
 * A supergraph with a subscription root: {@code notices} owns {@code Subscription.noticePublished}, {@code volunteers}
 * contributes {@code Notice.volunteersOnCall} to each published notice.
 */
public final class SubscriptionSupergraphs {
    private SubscriptionSupergraphs() {
    }

    public static final String NOTICES = """
            enum join__Graph {
              NOTICES @join__graph(name: "notices", url: "{notices}")
              VOLUNTEERS @join__graph(name: "volunteers", url: "{volunteers}")
            }

            type Query @join__type(graph: NOTICES) @join__type(graph: VOLUNTEERS) {
              notices: [Notice!]! @join__field(graph: NOTICES)
            }

            type Subscription @join__type(graph: NOTICES) {
              noticePublished: Notice! @join__field(graph: NOTICES)
            }

            type Notice @join__type(graph: NOTICES, key: "id") @join__type(graph: VOLUNTEERS, key: "id") {
              id: ID!
              title: String! @join__field(graph: NOTICES)
              volunteersOnCall: Int! @join__field(graph: VOLUNTEERS)
            }
            """;

    /** The supergraph with its URLs filled in and {@code subscription: Subscription} in the schema definition. */
    public static String supergraph(Map<String, String> urls) {
        return Supergraphs.supergraph(NOTICES, urls).replace("query: Query", "query: Query\n  subscription: Subscription");
    }
}
