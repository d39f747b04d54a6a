package org.epicontrol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicontrol.deploy.Cluster.Workload;

/**
 * Where the services reach one another: the gateway's supergraph and volunteer-service's notice feed name Services of
 * the manifests, on ports reaching the services' quarkus.http.port, at their GraphQL path.
 */
final class EndpointChecks {

    private static final Pattern JOIN_GRAPH =
            Pattern.compile("@join__graph\\(\\s*name:\\s*\"([^\"]+)\"\\s*,\\s*url:\\s*\"([^\"]+)\"\\s*\\)");

    /**
     * The supergraph the gateway reads (GATEWAY_SUPERGRAPH_FILE, a file of a ConfigMap it mounts) names every
     * subgraph by a Service of the manifests, on a port that reaches the subgraph's quarkus.http.port, with its
     * GraphQL path.
     */
    static List<String> supergraph(Cluster cluster, Map<String, ServiceContract> contracts) {
        List<String> problems = new ArrayList<>();
        Optional<Workload> gw = cluster.workload("gateway");
        Optional<JsonNode> container = gw.flatMap(g -> g.container("gateway"));
        if (container.isEmpty()) {
            return List.of("no gateway Deployment with a container named gateway");
        }
        String file = literalEnv(container.get(), "GATEWAY_SUPERGRAPH_FILE");
        if (file == null) {
            return List.of("the gateway has no literal GATEWAY_SUPERGRAPH_FILE");
        }
        String sdl = null;
        for (JsonNode m : container.get().path("volumeMounts")) {
            String dir = m.path("mountPath").asText();
            if (file.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                String key = m.has("subPath") ? m.path("subPath").asText() : file.substring(dir.length()).replaceFirst("^/", "");
                Optional<JsonNode> v = gw.get().volume(m.path("name").asText());
                if (v.isPresent() && v.get().has("configMap")) {
                    sdl = cluster.keys("ConfigMap", v.get().path("configMap").path("name").asText())
                            .map(k -> k.get(key)).orElse(null);
                }
            }
        }
        if (sdl == null) {
            return List.of("GATEWAY_SUPERGRAPH_FILE " + file + " is not a file of a ConfigMap the gateway mounts");
        }
        Set<String> reached = new TreeSet<>();
        Matcher m = JOIN_GRAPH.matcher(sdl);
        while (m.find()) {
            URI url = URI.create(m.group(2));
            reached.addAll(graphqlEndpoint(cluster, contracts, "subgraph " + m.group(1) + " at " + url, url, problems));
        }
        for (String svc : ServiceContract.API_SERVICES) {
            if (!svc.equals("gateway") && !reached.contains(svc)) {
                problems.add("the supergraph names no subgraph served by " + svc);
            }
        }
        return problems;
    }

    /**
     * Where a URL inside the cluster lands: a Service of the manifests, on a port that reaches the service's
     * quarkus.http.port, at its GraphQL path. Adds the problems; answers the services it reaches.
     */
    private static Set<String> graphqlEndpoint(Cluster cluster, Map<String, ServiceContract> contracts, String what,
            URI url, List<String> problems) {
        Set<String> reached = new TreeSet<>();
        String host = url.getHost() == null ? "" : url.getHost().split("\\.")[0];
        int port = url.getPort() == -1 ? 80 : url.getPort();
        Optional<? extends JsonNode> service = cluster.find("Service", host);
        if (service.isEmpty()) {
            problems.add(what + ": no Service " + host);
            return reached;
        }
        JsonNode servicePort = null;
        for (JsonNode sp : service.get().path("spec").path("ports")) {
            if (sp.path("port").asInt() == port) {
                servicePort = sp;
            }
        }
        if (servicePort == null) {
            problems.add(what + ": Service/" + host + " has no port " + port);
            return reached;
        }
        for (Workload target : cluster.selected(Cluster.labels(service.get().path("spec").path("selector")))) {
            ServiceContract svc = contracts.get(target.name());
            if (svc == null) {
                problems.add(what + " is not one of the services " + contracts.keySet());
                continue;
            }
            reached.add(svc.name());
            JsonNode targetPort = servicePort.has("targetPort") ? servicePort.path("targetPort") : servicePort.path("port");
            if (target.resolvePort(targetPort) != svc.httpPort()) {
                problems.add(what + " reaches port " + target.resolvePort(targetPort) + " of " + svc.name()
                        + ", which listens on " + svc.httpPort());
            }
            if (!url.getPath().equals(svc.graphqlPath())) {
                problems.add(what + ": " + svc.name() + " serves GraphQL at " + svc.graphqlPath());
            }
        }
        return reached;
    }

    /**
     * volunteer-service's NOTICE_FEED_URL (a literal value) is notice-service's GraphQL endpoint through a Service
     * of the manifests: otherwise its consumer of the areaEvents feed retries forever and nothing happens.
     */
    static List<String> noticeFeed(Cluster cluster, Map<String, ServiceContract> contracts) {
        Optional<JsonNode> container = cluster.workload("volunteer-service").flatMap(w -> w.container("volunteer-service"));
        if (container.isEmpty()) {
            return List.of();
        }
        String url = literalEnv(container.get(), "NOTICE_FEED_URL");
        if (url == null) {
            return List.of("volunteer-service has no literal NOTICE_FEED_URL (notice-service's GraphQL endpoint)");
        }
        List<String> problems = new ArrayList<>();
        String what = "NOTICE_FEED_URL " + url;
        Set<String> reached = graphqlEndpoint(cluster, contracts, what, URI.create(url), problems);
        if (problems.isEmpty() && !reached.equals(Set.of("notice-service"))) {
            problems.add(what + " reaches " + reached + ", not notice-service");
        }
        return problems;
    }

    /** The literal value a container gives an environment variable (null when none, or taken from elsewhere). */
    private static String literalEnv(JsonNode container, String name) {
        String value = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                value = env.path("value").asText(null);
            }
        }
        return value;
    }

    private EndpointChecks() {
    }
}
