package org.epicontrol.gateway.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw result of running a plan: subgraph data merged by response key, and errors with client paths. Only the
 * request's own Vert.x context touches it, so it needs no locking.
 */
public final class ExecutionState {
    final Map<String, Object> data;
    final List<Map<String, Object>> errors = new ArrayList<>();
    /** Requests sent per subgraph name (for tests and debugging). */
    final Map<String, Integer> requests = new LinkedHashMap<>();

    public ExecutionState() {
        this(new LinkedHashMap<>());
    }

    /**
     * A state that merges into {@code data}, shared with other states of the same request (a deferred fragment's
     * plan fills the objects the primary plan fetched), with errors of its own.
     */
    public ExecutionState(Map<String, Object> data) {
        this.data = data;
    }

    public Map<String, Object> data() {
        return data;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    public Map<String, Integer> requests() {
        return requests;
    }
}
