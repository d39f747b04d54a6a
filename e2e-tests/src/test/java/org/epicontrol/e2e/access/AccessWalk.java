package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends every probe as every caller and judges each answer: the leaks, the probes an endpoint did not run (an invalid
 * document, a refused operation: the walk would be blind there), and the types system-admin received data of.
 */
public final class AccessWalk {

    private final AccessPolicy policy;
    private final OwnershipIndex index;
    private final List<Caller> callers;
    private final List<Leak> leaks = new ArrayList<>();
    private final Set<String> notRun = new TreeSet<>();
    private final Set<String> seenBySystemAdmin = new TreeSet<>();
    private int requests;

    public AccessWalk(AccessPolicy policy, OwnershipIndex index, List<Caller> callers) {
        this.policy = policy;
        this.index = index;
        this.callers = callers;
    }

    @SuppressWarnings("unchecked")
    public void run(GraphQLClient endpoint, Schema schema, List<QueryGenerator.Probe> probes) {
        LeakFinder finder = new LeakFinder(policy, index, schema.queryType().name());
        for (QueryGenerator.Probe probe : probes) {
            for (Caller caller : callers) {
                Map<String, Object> response = endpoint.send(caller.username(), probe.document(), probe.variables());
                requests++;
                Map<String, Object> data = (Map<String, Object>) response.get("data");
                List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
                // an error without a path refused the whole operation: nothing of it was judged
                errors.stream().filter(e -> e.get("path") == null).findFirst().ifPresent(e -> notRun.add(endpoint.url()
                        + " " + probe.name() + " as " + caller.name() + ": " + e.get("message") + "\n    " + probe.document()));
                leaks.addAll(finder.find(probe, data, caller));
                if (caller.roles().contains(Rule.SYSTEM_ADMIN)) {
                    collectTypes(data, seenBySystemAdmin);
                }
            }
        }
    }

    public List<Leak> leaks() {
        return leaks;
    }

    public Set<String> notRun() {
        return notRun;
    }

    public Set<String> seenBySystemAdmin() {
        return seenBySystemAdmin;
    }

    public int requests() {
        return requests;
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
