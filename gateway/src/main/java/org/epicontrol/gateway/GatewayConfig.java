package org.epicontrol.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gateway settings ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The supergraph SDL file (Apollo composition output); re-read when it changes. */
    Optional<String> supergraphFile();

    /** How often the supergraph file is checked for changes. */
    @WithDefault("2s")
    Duration supergraphPollInterval();

    /** Overall deadline of one subgraph request. */
    @WithDefault("30s")
    Duration subgraphTimeout();

    /** Subgraph URLs by subgraph name, overriding the URLs in the supergraph (e.g. per environment). */
    Map<String, String> subgraphUrls();

    /** Caller headers copied onto every subgraph request. */
    @WithDefault("Authorization,traceparent")
    List<String> forwardHeaders();

    /** Pooled connections per subgraph host. */
    @WithDefault("64")
    int maxConnectionsPerSubgraph();

    /** Prepared (parsed, validated, planned) operations kept per supergraph version. */
    @WithDefault("1000")
    int planCacheSize();

    /** Whether {@code x-query-plan: true} / {@code extensions.queryPlan} may show plans to callers. */
    @WithDefault("false")
    boolean exposeQueryPlan();

    Limits limits();

    interface Limits {
        @WithDefault("50")
        int maxDepth();

        @WithDefault("200")
        int maxAliases();

        @WithDefault("100000")
        int maxQueryBytes();

        @WithDefault("15000")
        int maxTokens();
    }
}
