package org.epicontrol.deploy;

import static org.epicontrol.deploy.PlainManifests.doc;
import static org.epicontrol.deploy.PlainManifests.env;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link EndpointChecks} can fail: the supergraph's subgraph URLs and the notice feed URL, doctored one at a time
 * in the plain trial manifests.
 */
class EndpointChecksTest extends DoctoredManifests {

    @Test
    void aSupergraphUrlOnTheWrongPortOrPath() {
        Function<String, String> doctor = sdl -> sdl
                .replace("http://volunteer-service:8082/graphql", "http://volunteer-service:8081/graphql")
                .replace("http://notice-service:8081/graphql", "http://notice-service:8081/gql");
        ObjectNode data = (ObjectNode) doc(cluster, "ConfigMap", "gateway-supergraph").get("data");
        data.put("supergraph.graphql", doctor.apply(data.get("supergraph.graphql").asText()));
        List<String> problems = EndpointChecks.supergraph(cluster, contracts);
        assertProblem(problems, "volunteer-service:8081", "has no port 8081");
        assertProblem(problems, "notice-service:8081/gql", "serves GraphQL at /graphql");
        assertProblem(problems, "no subgraph served by volunteer-service");
    }

    @Test
    void aSupergraphFileThatIsNotMounted() {
        ((ObjectNode) env(cluster, "gateway").get(0)).put("value", "/etc/supergraph.graphql");
        assertProblem(EndpointChecks.supergraph(cluster, contracts), "/etc/supergraph.graphql", "not a file of a ConfigMap");
    }

    @Test
    void aNoticeFeedUrlOnTheWrongServicePortOrPath() {
        ObjectNode feed = null;
        for (var variable : env(cluster, "volunteer-service")) {
            if (variable.path("name").asText().equals("NOTICE_FEED_URL")) {
                feed = (ObjectNode) variable;
            }
        }
        for (var doctored : Map.of(
                "http://volunteer-service:8082/graphql", "reaches [volunteer-service], not notice-service",
                "http://notice-service:8082/graphql", "Service/notice-service has no port 8082",
                "http://notice-service:8081/gql", "serves GraphQL at /graphql",
                "http://notices:8081/graphql", "no Service notices").entrySet()) {
            feed.put("value", doctored.getKey());
            assertProblem(EndpointChecks.noticeFeed(cluster, contracts), doctored.getKey(), doctored.getValue());
        }
    }
}
