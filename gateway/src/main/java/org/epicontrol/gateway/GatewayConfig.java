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

    /** The supergraph SDL file (Apollo composition output); re-read when it changes; unused with subgraphs. */
    Optional<String> supergraphFile();

    /**
     * Subgraphs to compose the supergraph from, by name ({@code gateway.subgraphs.<name>.url}); when set, the
     * gateway fetches their {@code _service { sdl }} and composes instead of reading a supergraph file.
     */
    Map<String, SubgraphEndpoint> subgraphs();

    /** How often the subgraphs' SDLs are fetched again (recomposed only when one changed); 0 = only at start-up. */
    @WithDefault("30s")
    Duration subgraphRefreshInterval();

    /** How often the supergraph file is checked for changes. */
    @WithDefault("2s")
    Duration supergraphPollInterval();

    /** Overall deadline of one subgraph request. */
    @WithDefault("30s")
    Duration subgraphTimeout();

    /** Subgraph URLs by subgraph name, overriding the URLs in the supergraph (e.g. per environment). */
    Map<String, String> subgraphUrls();

    /**
     * Caller headers copied onto every subgraph request. Not {@code traceparent}: with tracing on, the gateway sends
     * its own (the subgraph fetch's span); a {@code traceparent} listed here is passed through only while the
     * OpenTelemetry SDK is off, and it makes deduplication per caller, since forwarded headers are part of what must
     * be identical.
     */
    @WithDefault("Authorization")
    List<String> forwardHeaders();

    /** Pooled connections per subgraph host. */
    @WithDefault("64")
    int maxConnectionsPerSubgraph();

    /** Prepared (parsed, validated, planned) operations kept per supergraph version. */
    @WithDefault("1000")
    int planCacheSize();

    /**
     * Whether {@code __schema} and {@code __type} are answered. Off where the API's shape is nobody's business
     * (the services' own settings are separate); {@code __typename} always works.
     */
    @WithDefault("true")
    boolean introspection();

    /**
     * Whether identical query fetches in flight at the same time (same subgraph, document, variables, forwarded
     * headers) share one subgraph request. Mutations never do.
     */
    @WithDefault("true")
    boolean deduplicateRequests();

    /** Whether {@code x-query-plan: true} / {@code extensions.queryPlan} may show plans to callers. */
    @WithDefault("false")
    boolean exposeQueryPlan();

    Limits limits();

    /** Persisted operations: which documents callers may send ({@code gateway.trusted-documents.*}). */
    TrustedDocuments trustedDocuments();

    /** Requests per client ({@code gateway.rate-limit.*}). */
    RateLimit rateLimit();

    /** Demand control: static cost of each operation against a budget per caller ({@code gateway.cost.*}). */
    Cost cost();

    /** {@code @defer} with incremental delivery ({@code gateway.defer.*}). */
    Defer defer();

    interface Defer {
        /** Whether clients that accept {@code multipart/mixed;deferSpec=20220824} get deferred fragments in parts. */
        @WithDefault("true")
        boolean enabled();
    }

    interface SubgraphEndpoint {
        /** Where the subgraph answers GraphQL over HTTP (also asked for its SDL). */
        String url();
    }

    interface Limits {
        @WithDefault("50")
        int maxDepth();

        @WithDefault("200")
        int maxAliases();

        @WithDefault("100000")
        int maxQueryBytes();

        @WithDefault("15000")
        int maxTokens();

        /**
         * Field selections once fragments are expanded (through every spread), over all definitions: what validation
         * reads (1,900 spreads of one fragment took 0.7 s in graphql-java's validation, on a worker thread).
         */
        @WithDefault("1000")
        int maxFields();
    }

    interface Cost {
        /** Whether over-budget operations are refused (costs are measured either way). */
        @WithDefault("true")
        boolean enabled();

        /** Budget of a caller without a (verified) token. */
        @WithDefault("25000")
        double anonymousBudget();

        /** Budget of a caller with a verified token. */
        @WithDefault("500000")
        double signedInBudget();

        /** List size assumed without slicing argument, {@code @listSize} or {@code list-sizes} entry. */
        @WithDefault("10")
        int defaultListSize();

        /** Argument names that bound a list when a field declares them. */
        @WithDefault("first,last,limit")
        List<String> slicingArguments();

        /** Children a slicing argument sizes when its field returns no list (connections). */
        @WithDefault("edges,nodes")
        List<String> sizedFields();

        /** Weight of an object, interface or union value. */
        @WithDefault("1")
        double objectWeight();

        /** Weight of a scalar or enum value. */
        @WithDefault("0")
        double leafWeight();

        /** Added per root mutation field. */
        @WithDefault("10")
        double mutationWeight();

        /** Weight by type name ({@code gateway.cost.type-weights.Volunteer=2}). */
        Map<String, Double> typeWeights();

        /** Weight by field ({@code gateway.cost.field-weights."Query.searchAreas"=5}). */
        Map<String, Double> fieldWeights();

        /** Assumed list size by field ({@code gateway.cost.list-sizes."Notice.designations"=30}). */
        Map<String, Integer> listSizes();
    }

    interface TrustedDocuments {
        /**
         * {@code off}: any document (hashes looked up when sent); {@code anonymous}: callers without a token may send
         * registered documents only; {@code all}: registered documents only, for everyone.
         */
        @WithDefault("off")
        TrustedDocumentsMode mode();

        /**
         * The manifest of registered operations (Apollo persisted query manifest or GraphQL Code Generator's
         * {@code persisted-documents.json}); required unless the mode is {@code off}.
         */
        Optional<String> manifestFile();

        /** How often the manifest file is checked for changes; 0 = read at start-up only. */
        @WithDefault("2s")
        Duration manifestPollInterval();
    }

    /** The three switch positions of {@code gateway.trusted-documents.mode}. */
    enum TrustedDocumentsMode {
        OFF, ANONYMOUS, ALL
    }

    interface RateLimit {
        /** Off in dev and test (a test profile turns it on), on in production. */
        @WithDefault("false")
        boolean enabled();

        /** Callers without a token, one bucket per client address. */
        Bucket anonymous();

        /** Callers with a verified token, one bucket per token subject ({@code sub}). */
        Bucket signedIn();

        /** Clients whose buckets are remembered at most (least recently seen forgotten first). */
        @WithDefault("100000")
        int maxClients();

        interface Bucket {
            /** Sustained requests per second (the refill rate). */
            double requestsPerSecond();

            /** Requests that may come at once after a quiet spell (the bucket's size). */
            int burst();
        }
    }
}
