package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Sends every probe as every caller and judges each answer: the leaks, the probes an endpoint did not run (an invalid
 * document, a refused operation: the walk would be blind there), and the types system-admin received data of. A probe
 * refused by a size limit is split until its parts pass (see {@link #read}).
 *
 * <p>Probes are read on {@code threads} threads, each probe by every caller in turn on one of them: the size limits
 * look at the document and at whether the caller is signed in, never at who it is, so the first caller of a kind
 * learns which probes a limit refuses and the callers after it go straight to the parts (the refused whole would
 * have been sent only to be split again). That, and the parallel callers, keep the walk within the build's time.
 */
public final class AccessWalk {

    /** The services' query guard (service-common) and the gateway's operation limits and demand control. */
    private static final Pattern LIMIT_CODES = Pattern.compile("COST_LIMIT_EXCEEDED|DEPTH_LIMIT_EXCEEDED|MAX_[A-Z_]+_EXCEEDED");

    private final AccessPolicy policy;
    private final OwnershipIndex index;
    private final List<Caller> callers;
    private final int threads;
    private final Queue<Leak> leaks = new ConcurrentLinkedQueue<>();
    private final Set<String> notRun = new ConcurrentSkipListSet<>();
    private final Set<String> refused = new ConcurrentSkipListSet<>();
    private final Set<String> seenBySystemAdmin = new ConcurrentSkipListSet<>();
    /** Probes an endpoint refused by a limit, by endpoint, kind of caller (anonymous or signed in) and document. */
    private final Set<String> overLimit = ConcurrentHashMap.newKeySet();
    /** Single chains an endpoint refused by a limit without any data, by the same key: the limit's message. */
    private final Map<String, String> refusedWhole = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    public AccessWalk(AccessPolicy policy, OwnershipIndex index, List<Caller> callers, int threads) {
        this.policy = policy;
        this.index = index;
        this.callers = callers;
        this.threads = Math.max(1, threads);
    }

    public void run(GraphQLClient endpoint, Schema schema, List<QueryGenerator.Probe> probes) {
        LeakFinder finder = new LeakFinder(policy, index, schema.queryType().name());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> walked = new ArrayList<>();
            for (QueryGenerator.Probe probe : probes) {
                walked.add(pool.submit(() -> callers.forEach(caller -> read(endpoint, finder, probe, caller))));
            }
            for (Future<?> probe : walked) {
                probe.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the walk was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe could not be read: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends the probe and judges the answer; a probe an endpoint refused by one of its limits (the gateway's, or a
     * subgraph's behind it) is read instead as its smaller probes, down to a single chain of fields, which is listed
     * in {@link #refusedInSmallestForm} if still refused: every path is judged or named.
     */
    @SuppressWarnings("unchecked")
    private void read(GraphQLClient endpoint, LeakFinder finder, QueryGenerator.Probe probe, Caller caller) {
        String kind = endpoint.url() + (caller.anonymous() ? " anonymous " : " signed-in ") + probe.document()
                + " " + probe.variables();
        if (overLimit.contains(kind)) {
            List<QueryGenerator.Probe> parts = probe.smaller();
            if (!parts.isEmpty()) {
                skipped.incrementAndGet();
                parts.forEach(part -> read(endpoint, finder, part, caller));
                return;
            }
        }
        String refusedBefore = refusedWhole.get(kind);
        if (refusedBefore != null) {
            // a single chain a limit refused to a caller of this kind, with no data at all: the same for this one
            skipped.incrementAndGet();
            refused.add(endpoint.url() + " " + probe.name() + " as " + caller.name() + ": " + refusedBefore + "\n    "
                    + probe.document());
            return;
        }
        Map<String, Object> response = endpoint.send(caller.username(), probe.document(), probe.variables());
        requests.incrementAndGet();
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        Optional<Map<String, Object>> limit = errors.stream().filter(AccessWalk::isLimit).findFirst();
        if (limit.isPresent()) {
            List<QueryGenerator.Probe> parts = probe.smaller();
            if (!parts.isEmpty()) {
                overLimit.add(kind);
                // the answer may be partial (a subgraph refused its part): its parts are read again, whole
                parts.forEach(part -> read(endpoint, finder, part, caller));
                return;
            }
            // what the limit kept from the caller is no data of theirs; what came with it is judged below
            refused.add(endpoint.url() + " " + probe.name() + " as " + caller.name() + ": "
                    + limit.get().get("message") + "\n    " + probe.document());
            if (data == null || data.values().stream().allMatch(Objects::isNull)) {
                refusedWhole.put(kind, String.valueOf(limit.get().get("message")));
            }
        }
        // an error without a path refused the whole operation: nothing of it was judged
        errors.stream().filter(e -> e.get("path") == null && !isLimit(e)).findFirst().ifPresent(e -> notRun.add(
                endpoint.url() + " " + probe.name() + " as " + caller.name() + ": " + e.get("message") + "\n    "
                        + probe.document()));
        leaks.addAll(finder.find(probe, data, caller));
        if (caller.roles().contains(Rule.SYSTEM_ADMIN)) {
            collectTypes(data, seenBySystemAdmin);
        }
    }

    /** A refusal by a limit of size (depth, cost, aliases, fields, tokens), which a smaller operation passes. */
    static boolean isLimit(Map<String, Object> error) {
        return error.get("extensions") instanceof Map<?, ?> extensions && extensions.get("code") instanceof String code
                && LIMIT_CODES.matcher(code).matches();
    }

    public List<Leak> leaks() {
        return List.copyOf(leaks);
    }

    public Set<String> notRun() {
        return new TreeSet<>(notRun);
    }

    /** Single chains of fields an endpoint still refused by a limit: not readable by that caller in any form. */
    public Set<String> refusedInSmallestForm() {
        return new TreeSet<>(refused);
    }

    public Set<String> seenBySystemAdmin() {
        return new TreeSet<>(seenBySystemAdmin);
    }

    public int requests() {
        return requests.get();
    }

    /** Probes not sent because the same document was refused by a limit to a caller of the same kind (whole or its
     *  smallest form without data). */
    public int skippedOverLimit() {
        return skipped.get();
    }

    private static void collectTypes(Object value, Set<String> types) {
        if (value instanceof List<?> list) {
            list.forEach(element -> collectTypes(element, types));
        } else if (value instanceof Map<?, ?> object) {
            if (object.get("__typename") instanceof String type) {
                types.add(type);
            }
            object.values().forEach(child -> collectTypes(child, types));
        }
    }
}
