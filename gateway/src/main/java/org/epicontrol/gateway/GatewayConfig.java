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

    /** Verified bearer tokens kept for the same caller's next requests ({@code gateway.token-cache.*}). */
    TokenCache tokenCache();

    interface TokenCache {
        /** Whether a token quarkus-oidc verified is answered from memory on its next requests. */
        @WithDefault("true")
        boolean enabled();

        /** How long a verified token is kept at most (never beyond its expiry). */
        @WithDefault("60s")
        Duration ttl();

        /** Tokens kept at most. */
        @WithDefault("10000")
        long maxSize();
    }

    /** Demand control: static cost of each operation against a budget per caller ({@code gateway.cost.*}). */
    Cost cost();

    /** Federated subscriptions over graphql-transport-ws, SSE and multipart ({@code gateway.subscriptions.*}). */
    Subscriptions subscriptions();

    /** HTTP caching of GET answers ({@code gateway.cache-control.*}): see the README's Cacheable public reads. */
    CacheControl cacheControl();

    interface CacheControl {
        /** Whether GET answers carry Cache-Control, Vary and ETag (and If-None-Match is answered with 304). */
        @WithDefault("true")
        boolean enabled();

        /** The longest max-age of any public answer: how stale a cache may serve it after a publication. */
        @WithDefault("30s")
        Duration maxAge();

        /**
         * Root query fields whose whole answer is public, with their max-age (capped by {@link #maxAge()}); an
         * operation selecting any other field is {@code no-store}. Empty: nothing is public.
         */
        Map<String, Duration> publicFields();

        /**
         * The zone whose midnight ends every max-age (the subgraphs' effective-date zone: a level "today" changes
         * there without any publication), e.g. {@code Asia/Shanghai}; none: no such cap.
         */
        Optional<String> dayBoundaryZone();
    }

    interface Subscriptions {
        /** Whether {@code /graphql} accepts WebSocket upgrades and streaming HTTP subscriptions. */
        @WithDefault("true")
        boolean enabled();

        /** Open graphql-transport-ws connections per gateway instance; more are refused with HTTP 503. */
        @WithDefault("20000")
        int maxConnections();

        /** Active subscriptions per WebSocket connection; one more is answered with an error message. */
        @WithDefault("100")
        int maxSubscriptionsPerConnection();

        /** Time a client has to send {@code connection_init} after the upgrade (then close 4408). */
        @WithDefault("10s")
        Duration connectionInitTimeout();

        /**
         * The gateway pings every interval; a connection that has not answered the previous ping with a pong is
         * closed (4408). Multipart subscriptions get a heartbeat {@code {}} at this interval, SSE a comment. 0 = off.
         */
        @WithDefault("15s")
        Duration pingInterval();

        /**
         * Messages written to a client and not yet taken by its connection, per connection: a client that lets more
         * pile up is too slow and is dropped (WebSocket close 4500, HTTP stream ended).
         */
        @WithDefault("64")
        int maxPendingMessages();

        /**
         * Whether identical subscriptions (same subgraph operation, variables, forwarded headers) share one subgraph
         * subscription and one resolution of each event.
         */
        @WithDefault("true")
        boolean deduplicate();

        /**
         * Where to subscribe to a subgraph, by subgraph name, when not at its GraphQL URL (e.g. an HTTP-only proxy
         * stands in front of it); {@code http(s)} URLs are used as {@code ws(s)}.
         */
        Map<String, String> subgraphUrls();
    }

    /** Access directives enforced before planning ({@code gateway.authorization.*}). */
    Authorization authorization();

    interface Authorization {
        /** Whether {@code @authenticated}, {@code @requiresScopes} and {@code @policy} are enforced. */
        @WithDefault("true")
        boolean enabled();

        /** Nothing removed: the operation runs whole, the errors it would get are still reported and logged. */
        @WithDefault("false")
        boolean dryRun();

        Errors errors();

        Policy policy();

        interface Errors {
            /** Whether each removed path gets an error in the response. */
            @WithDefault("true")
            boolean response();

            /** Whether removals are logged (INFO, the operation's name and the paths). */
            @WithDefault("true")
            boolean log();
        }

        interface Policy {
            /**
             * Who decides {@code @policy}: {@code keycloak} (Authorization Services of the realm of
             * {@code quarkus.oidc.auth-server-url}, as client {@code quarkus.oidc.client-id} with
             * {@code quarkus.oidc.credentials.secret}) or {@code none} (every policy refused).
             */
            @WithDefault("keycloak")
            String decider();

            /** How long a decision is kept per token at most (never beyond the token's expiry). */
            @WithDefault("60s")
            Duration cacheTtl();

            /** Decisions (token and policy) kept at most. */
            @WithDefault("100000")
            long cacheSize();
        }
    }

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
