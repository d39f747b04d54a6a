package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.AstPrinter;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.plan.PlanNode;
import org.epicontrol.gateway.request.Admission;
import org.epicontrol.gateway.request.PreparedOperation;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Runs admitted subscriptions: subscribes to the subgraph that owns the root field (the plan's root fetch) and
 * resolves each event with the rest of the plan ({@link EventResolver}), in the order the subgraph sent them.
 * Identical subscriptions (same prepared operation, variables and forwarded headers) share one subgraph subscription
 * and one resolution per event when {@code deduplicate} is on, as Apollo Router does; the subgraph subscription ends
 * with its last subscriber.
 */
public final class SubscriptionExecutor {
    private final PlanExecutor executor;
    private final SubgraphSubscriptionClient client;
    private final ObjectMapper mapper;
    private final boolean deduplicate;
    private final Map<String, String> subscriptionUrls;
    private final Map<Key, Feed> feeds = new HashMap<>();

    /** @param subscriptionUrls where to subscribe to a subgraph (by name) when not at its GraphQL URL */
    public SubscriptionExecutor(PlanExecutor executor, SubgraphSubscriptionClient client, ObjectMapper mapper,
                                boolean deduplicate, Map<String, String> subscriptionUrls) {
        this.executor = executor;
        this.client = client;
        this.mapper = mapper;
        this.deduplicate = deduplicate;
        this.subscriptionUrls = Map.copyOf(subscriptionUrls);
    }

    /** A running client subscription. */
    public interface Subscription {
        /** The client is gone or completed it: it hears nothing more. */
        void cancel();
    }

    /** What makes two subscriptions the same: the operation's text (fragments included), variables, headers. */
    private record Key(Supergraph supergraph, String operation, Map<String, Object> variables,
                       Map<String, String> headers) {
        static Key of(Supergraph supergraph, PreparedOperation prepared, Map<String, Object> variables,
                      Map<String, String> headers) {
            StringBuilder text = new StringBuilder(AstPrinter.printAstCompact(prepared.operation()));
            new TreeMap<>(prepared.fragments()).values().forEach(f -> text.append(' ')
                    .append(AstPrinter.printAstCompact(f)));
            return new Key(supergraph, text.toString(), variables, Map.copyOf(headers));
        }
    }

    /** Subscribes {@code subscriber}; an operation whose plan has no subgraph subscription gets an error at once. */
    public Subscription start(Supergraph supergraph, Admission admission, Map<String, String> headers,
                              Subscriber subscriber) {
        PlanNode.Fetch root = rootFetch(admission.planned().plan().root());
        if (root == null) {
            subscriber.error(List.of(Errors.error("the subscription selects no subgraph's subscription field",
                    "SUBSCRIPTION_INVALID")));
            return () -> { };
        }
        Key key = Key.of(supergraph, admission.prepared(), admission.variables(), headers);
        Feed feed;
        boolean open = false;
        synchronized (feeds) {
            feed = deduplicate ? feeds.get(key) : null;
            if (feed == null) {
                feed = new Feed(key, new EventResolver(executor, mapper, supergraph, admission, headers));
                if (deduplicate) {
                    feeds.put(key, feed);
                }
                open = true;
            }
            feed.subscribers.add(subscriber);
        }
        if (open) {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (String name : root.variableUsages()) {
                if (admission.variables().containsKey(name)) {
                    vars.put(name, admission.variables().get(name));
                }
            }
            Subgraph subgraph = supergraph.subgraph(root.subgraph());
            String url = subscriptionUrls.get(subgraph.name());
            feed.upstream = client.subscribe(url == null ? subgraph : new Subgraph(subgraph.id(), subgraph.name(), url),
                    new SubgraphRequest(root.operation(), root.operationName(), vars, headers), feed);
            if (feed.subscribers.isEmpty()) {
                feed.upstream.cancel(); // left while it was being opened
            }
        }
        Feed f = feed;
        return () -> f.leave(subscriber);
    }

    /** Subgraph subscriptions open now (one per distinct subscription when deduplicating). */
    public int activeFeeds() {
        synchronized (feeds) {
            return feeds.size();
        }
    }

    private static PlanNode.Fetch rootFetch(PlanNode node) {
        if (node instanceof PlanNode.Sequence s && !s.nodes().isEmpty()) {
            node = s.nodes().get(0);
        }
        return node instanceof PlanNode.Fetch f && f.operation().startsWith("subscription") ? f : null;
    }

    /** One subgraph subscription and its subscribers. Listener calls arrive on the subgraph socket's context. */
    private final class Feed implements SubgraphSubscriptionClient.Listener {
        private final Key key;
        private final EventResolver resolver;
        private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        private volatile SubgraphSubscriptionClient.Upstream upstream;
        private Future<Void> chain = Future.succeededFuture();

        Feed(Key key, EventResolver resolver) {
            this.key = key;
            this.resolver = resolver;
        }

        @Override
        public void next(Map<String, Object> payload) {
            chain = chain.compose(v -> resolver.resolve(payload)).map(json -> {
                subscribers.forEach(s -> s.next(json));
                return (Void) null;
            }).otherwise(e -> null);
        }

        @Override
        public void error(List<Map<String, Object>> errors) {
            chain = chain.onComplete(v -> ended().forEach(s -> s.error(errors)));
        }

        @Override
        public void complete() {
            chain = chain.onComplete(v -> ended().forEach(Subscriber::complete));
        }

        private List<Subscriber> ended() {
            synchronized (feeds) {
                feeds.remove(key, this);
                List<Subscriber> all = List.copyOf(subscribers);
                subscribers.clear();
                return all;
            }
        }

        void leave(Subscriber subscriber) {
            boolean last;
            synchronized (feeds) {
                last = subscribers.remove(subscriber) && subscribers.isEmpty();
                if (last) {
                    feeds.remove(key, this);
                }
            }
            SubgraphSubscriptionClient.Upstream u = upstream;
            if (last && u != null) {
                u.cancel();
            }
        }
    }
}
